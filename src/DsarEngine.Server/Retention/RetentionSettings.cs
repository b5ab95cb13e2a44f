using System.Text.Json.Serialization;

namespace DsarEngine.Server.Retention;

// How long an organisation keeps what the engine holds about a finished request, in days from its close (GDPR Art. 5(1)(e):
// no longer than necessary). Null only in a body an admin sent: RetentionChecks names each missing field.
internal sealed record RetentionSettings(int? ExportsDays, int? PacksDays, int? DocumentsDays, int? MailDays, int? RequestsDays)
{
    public const int MaxDays = 3650;
    public const int MinRequestsDays = 30;

    // Until an admin saves other periods (why each, docs/operations.md "Retention and purge"):
    // - exports 30 days: the connectors' raw copies only feed the answer; once it is sent they serve a question about it;
    // - packs 90 days: the answer (letter, copy, archive) stays downloadable while the subject may still fetch it;
    // - documents 90 days: proof of identity or authority decides the request; the journal keeps each document's SHA-256;
    // - mail 365 days: proof that notices went out, for a complaint made within a year;
    // - requests 1825 days (5 years): the limitation period for a claim about the answer (France, C. civ. art. 2224).
    public static readonly RetentionSettings Default = new(30, 90, 90, 365, 1825);

    // The periods the purge applies, once checked (RetentionChecks) or read back from the database.
    [JsonIgnore]
    public int Exports => ExportsDays ?? Default.ExportsDays!.Value;

    [JsonIgnore]
    public int Packs => PacksDays ?? Default.PacksDays!.Value;

    [JsonIgnore]
    public int Documents => DocumentsDays ?? Default.DocumentsDays!.Value;

    [JsonIgnore]
    public int Mail => MailDays ?? Default.MailDays!.Value;

    [JsonIgnore]
    public int Requests => RequestsDays ?? Default.RequestsDays!.Value;
}
