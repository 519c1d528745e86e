using System.Globalization;
using EnergyActors.Simulator.Shared;
using Spectre.Console;

namespace EnergyActors.Simulator.Sites;

/// <summary>The sites table (each site with its type, place and outcome), the counts and the verdict.</summary>
internal static class SitesReport
{
    public static void Render(IReadOnlyList<SiteOutcome> outcomes, int requested, bool cancelled)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var table = new Table().Border(TableBorder.Rounded).Title("sites");
        table.AddColumn("site");
        table.AddColumn("type");
        table.AddColumn("time zone");
        table.AddColumn(new TableColumn("battery kWh / kW").RightAligned());
        table.AddColumn(new TableColumn("PV kW").RightAligned());
        table.AddColumn("result");
        foreach (var outcome in outcomes)
        {
            var site = outcome.Site;
            var result = outcome.Result switch
            {
                SiteOutcome.Created => "[green]created[/]",
                SiteOutcome.Existing => "existing",
                _ => $"[red]failed[/] {Markup.Escape(outcome.Detail ?? string.Empty)}",
            };
            table.AddRow(
                Markup.Escape(site.SiteId), site.Type, Markup.Escape(site.TimeZone),
                string.Create(CultureInfo.InvariantCulture, $"{site.BatteryCapacityKwh:0.#} / {site.BatteryMaxPowerKw:0.#}"),
                site.SolarCapacityKw.ToString("0.#", CultureInfo.InvariantCulture), result);
        }

        Terminal.Out.Write(table);
        var created = outcomes.Count(o => o.Result == SiteOutcome.Created);
        var existing = outcomes.Count(o => o.Result == SiteOutcome.Existing);
        var failed = outcomes.Count(o => o.Result == SiteOutcome.Failed);
        var skipped = requested - outcomes.Count;
        Terminal.Out.MarkupLine(
            $"created {Figures.Count(created)}   existing {Figures.Count(existing)}   failed {Figures.Alarm(failed)}" +
            (skipped > 0 ? $"   not attempted {Figures.Count(skipped)}{(cancelled ? " (Ctrl+C)" : string.Empty)}" : string.Empty));
        Terminal.Out.MarkupLine(failed == 0 && skipped == 0 ? "[green]PASS[/]" : "[red]FAIL[/]");
    }
}
