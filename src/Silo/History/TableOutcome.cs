namespace EnergyActors.Silo.History;

/// <summary>What one table's insert did: rows newly stored, and the staging numbers of rows already there (null: none).</summary>
internal readonly record struct TableOutcome(int Stored, HashSet<int>? Duplicates);
