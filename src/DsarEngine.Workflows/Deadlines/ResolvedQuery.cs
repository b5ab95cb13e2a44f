namespace DsarEngine.Workflows.Deadlines;

// A query whose ids, codes and zone have been looked up.
internal sealed record ResolvedQuery(RegimeRules Regime, JurisdictionInfo Jurisdiction, TimeZoneInfo Zone, DateOnly ReceivedOn);
