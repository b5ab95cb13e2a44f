namespace DsarEngine.Workflows.Journal;

// The data of one kind of journal entry: a record per kind (Journal/Entries), serialised into the entry as JSON with
// JsonSerializerDefaults.Web by its runtime type. JournalKind is static, so it is never serialised with the data.
// Property names and order are the stored format, and the hash covers them: change neither.
internal interface IJournalData
{
    static abstract string JournalKind { get; }
}
