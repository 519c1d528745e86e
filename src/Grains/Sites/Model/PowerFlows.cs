namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// Interval-average power flows of one dispatch decision, all in kW. Battery figures are at its
/// terminals. They satisfy Pv = PvToInverter + Charge + Curtailed, InverterDc = PvToInverter +
/// Discharge, InverterAc = LoadServed + Export and Load = LoadServed + Import + Unserved.
/// </summary>
public readonly record struct PowerFlows(
    double PvToInverterKw,
    double ChargeKw,
    double DischargeKw,
    double InverterDcKw,
    double InverterAcKw,
    double LoadServedKw,
    double ExportKw,
    double ImportKw,
    double UnservedKw,
    double CurtailedKw);
