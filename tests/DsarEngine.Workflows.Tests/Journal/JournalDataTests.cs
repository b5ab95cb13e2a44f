using System.Text.Json;

namespace DsarEngine.Workflows.Tests.Journal;

// The journal is hash-chained and outlives the request: the data of each kind must serialise exactly as it always has
// (names, order, nulls), as the signal processor writes it (JsonSerializerDefaults.Web, the runtime type). The golden
// lines were taken from the executor as it was when it still wrote anonymous objects, before each kind had a record.
public sealed class JournalDataTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string[] Lines(string scenario) =>
        [.. JournalScenarios.All[scenario]().Select(j => $"{j.Kind} {JsonSerializer.Serialize(j.Data, Json)}")];

    private static IEnumerable<TestCaseData> Golden()
    {
        yield return new TestCaseData("answered in part", new[]
        {
            """workflow-started {"definition":"erasure@1"}""",
            """identity-requested {"methods":["email","manual"]}""",
            """identity-verified {"method":"email","evidence":"one-time link"}""",
            """acknowledged {"by":"the receipt e-mail sent at intake"}""",
            """awaiting-decision {"step":"assess","type":"assess"}""",
            """decided {"step":"assess","outcome":"partial","reason":"Invoices are kept.","exemptions":["GDPR Art. 17(3)(b)"]}""",
            """event-published """
                + """{"step":"announce","event":"subject-erasure-requested","messageId":"c433c974-fbe4-84bc-a4ed-2f79fd2b85fd"}""",
            """fan-out {"step":"erase","action":"erase","connectors":["crm","billing"],"manual":[]}""",
            """connector-acknowledged {"connector":"crm","action":"erase","stage":"queued"}""",
            """connector-completed """
                + """{"connector":"crm","action":"erase","outcome":"partial","summary":"profile erased, invoices kept","retained":"""
                + """[{"category":"invoices","legalBasis":"Code de commerce L123-22","retainUntil":"2035-01-01"}],"recipients":"""
                + """["ads-partner"],"export":"""
                + """{"exportId":"0195a0c4-0000-7000-8000-00000000eeee","records":3,"bytes":2048,"sha256":"ab12"},"attempt":1}""",
            // GDPR Art. 17(3): no exemption and no legal hold named invoices, so the reviewer is told the system kept them.
            """kept-beyond-instructions {"connector":"crm","categories":["invoices"]}""",
            """connector-completed """
                + """{"connector":"billing","action":"erase","outcome":"not-found","summary":"nothing held","retained":"""
                + """[],"recipients":[],"export":null,"attempt":1}""",
            """fan-out-completed """
                + """{"step":"erase","results":[{"connector":"crm","outcome":"partial"},{"connector":"billing","outcome":"not-found"}]}""",
            """awaiting-decision {"step":"review","type":"review"}""",
            """decided {"step":"review","outcome":"approve","reason":null,"exemptions":[]}""",
            """event-published """
                + """{"step":"notify","event":"recipients-notification-requested","messageId":"f02e3cce-6f36-8049-b774-811824b2d602"}""",
            """pack-prepared """
                + """{"outcome":"partial","results":[{"connector":"crm","action":"erase","status":"partial","outcome":"partial"},"""
                + """{"connector":"billing","action":"erase","status":"not-found","outcome":"not-found"}]}""",
            """delivered {"step":"deliver","channel":"e-mail link"}""",
            """closed {"outcome":"partial"}""",
        }).SetArgDisplayNames("answered in part");
        yield return new TestCaseData("connector trouble", new[]
        {
            """workflow-started {"definition":"erasure@1"}""",
            """identity-requested {"methods":["email","manual"]}""",
            """identity-verified {"method":"manual","evidence":"passport seen"}""",
            """acknowledged {"by":"the receipt e-mail sent at intake"}""",
            """awaiting-decision {"step":"assess","type":"assess"}""",
            """decided {"step":"assess","outcome":"proceed","reason":null,"exemptions":[]}""",
            """event-published """
                + """{"step":"announce","event":"subject-erasure-requested","messageId":"c433c974-fbe4-84bc-a4ed-2f79fd2b85fd"}""",
            """fan-out {"step":"erase","action":"erase","connectors":["crm","billing"],"manual":[]}""",
            """connector-failed """
                + """{"connector":"crm","action":"erase","code":"unavailable","reason":"database """
                + """down","retryable":true,"attempt":1,"retryAt":"2025-03-03T09:01:00+00:00"}""",
            """connector-resent {"connector":"crm","action":"erase","attempt":2}""",
            """connector-timed-out {"connector":"crm","action":"erase","attempt":2,"hours":24}""",
            """connector-failed """
                + """{"connector":"billing","action":"erase","code":"schema","reason":"billing """
                + """schema unknown","retryable":false,"attempt":1}""",
            """incident """
                + """{"step":"erase","error":"Needs a person: """
                + """crm (timed-out), billing (failed). Retry, complete by hand with a note, or skip.","attempts":1}""",
            """task-retried {"connector":"billing","action":"erase","attempt":2,"by":"ops"}""",
            """task-completed-manually """
                + """{"connector":"crm","action":"erase","outcome":"done","note":"Erased by hand in the CRM.","retained":"""
                + """[],"export":"0195a0c4-0000-7000-8000-00000000eeee","by":"ops"}""",
            """connector-timed-out {"connector":"billing","action":"erase","attempt":2,"hours":24}""",
            """incident """
                + """{"step":"erase","error":"Needs a person: """
                + """billing (timed-out). Retry, complete by hand with a note, or skip.","attempts":2}""",
            """retried {"step":"erase","attempts":2}""",
            """fan-out {"step":"erase","action":"erase","connectors":["billing"],"manual":[]}""",
            """skipped {"step":"erase","reason":"Billing holds nothing about this subject."}""",
            """awaiting-decision {"step":"review","type":"review"}""",
        }).SetArgDisplayNames("connector trouble");
        yield return new TestCaseData("letters rendered", new[]
        {
            """workflow-started {"definition":"erasure@1"}""",
            """identity-requested {"methods":["email","manual"]}""",
            """notice-rendered {"kind":"identity-request","packId":"0195a0c4-0000-7000-8000-00000000aaaa","sha256":"ef56"}""",
            """notice-not-rendered {"kind":"identity-request","error":"The browser died."}""",
            """identity-verified {"method":"manual","evidence":"letter signed"}""",
            """acknowledged {"by":"the receipt e-mail sent at intake"}""",
            """awaiting-decision {"step":"assess","type":"assess"}""",
            """decided {"step":"assess","outcome":"proceed","reason":null,"exemptions":[]}""",
            """event-published """
                + """{"step":"announce","event":"subject-erasure-requested","messageId":"c433c974-fbe4-84bc-a4ed-2f79fd2b85fd"}""",
            """fan-out {"step":"erase","action":"erase","connectors":["crm"],"manual":[]}""",
            """connector-completed """
                + """{"connector":"crm","action":"erase","outcome":"done","summary":"erased","retained":"""
                + """[],"recipients":[],"export":null,"attempt":1}""",
            """fan-out-completed {"step":"erase","results":[{"connector":"crm","outcome":"done"}]}""",
            """review-not-required {"step":"review"}""",
            """event-published """
                + """{"step":"notify","event":"recipients-notification-requested","messageId":"f02e3cce-6f36-8049-b774-811824b2d602"}""",
            """pack-requested {"step":"pack","outcome":"completed","results":[{"connector":"crm","outcome":"done"}]}""",
            """incident """
                + """{"step":"pack","error":"The response pack was not rendered in time (60 minutes). Retry renders it again; """
                + """a render that still arrives is taken.","attempts":1}""",
            """pack-rendered {"packId":"0195a0c4-0000-7000-8000-00000000aaaa","sha256":"0f0f","bytes":4096,"late":true}""",
            """delivered {"step":"deliver","channel":"e-mail link"}""",
            """closed {"outcome":"completed"}""",
        }).SetArgDisplayNames("letters rendered");
        yield return new TestCaseData("refused with a letter", new[]
        {
            """workflow-started {"definition":"erasure@2"}""",
            """identity-requested {"methods":["email","manual"]}""",
            """identity-verified {"method":"email","evidence":"one-time link"}""",
            """acknowledged {"by":"the receipt e-mail sent at intake"}""",
            """awaiting-decision {"step":"assess","type":"assess"}""",
            """decided {"step":"assess","outcome":"refuse","reason":"Manifestly unfounded.","exemptions":[]}""",
            """pack-requested {"step":"pack","outcome":"refused","results":[]}""",
            """pack-rendered {"packId":"0195a0c4-0000-7000-8000-00000000aaaa","sha256":"0f0f","bytes":4096,"late":false}""",
            """awaiting-decision {"step":"review","type":"review"}""",
            """decided {"step":"review","outcome":"approve","reason":null,"exemptions":[]}""",
            """step-skipped {"step":"notify","because":"the request was refused"}""",
            """step-skipped {"step":"erased","because":"the request was refused"}""",
            """delivered {"step":"deliver","channel":"e-mail link"}""",
            """closed {"outcome":"refused"}""",
        }).SetArgDisplayNames("refused with a letter");
        yield return new TestCaseData("the clock", new[]
        {
            """workflow-started {"definition":"erasure@1"}""",
            """identity-requested {"methods":["email","manual"]}""",
            """identity-verified {"method":"manual","evidence":"checked"}""",
            """acknowledged {"by":"the receipt e-mail sent at intake"}""",
            """awaiting-decision {"step":"assess","type":"assess"}""",
            """deadline-extended """
                + """{"reason":"Fourteen systems to search.","noticeOn":"2025-03-13","before":"2025-04-03","after":"2025-06-03"}""",
            """clock-stopped {"reason":"clarification","note":"Asked which accounts.","since":"2025-03-14"}""",
            """clock-resumed """
                + """{"reason":"clarification","note":"The subject """
                + """answered.","since":"2025-03-14","until":"2025-03-18","before":"2025-06-03","after":"2025-06-10"}""",
            """reminder {"daysBefore":"7","dueAt":"2025-04-02T09:00:00+00:00"}""",
            """escalated {"reason":"the legal deadline has passed","dueAt":"2025-04-02T09:00:00+00:00"}""",
            """timers-rearmed {"step":"assess","dueAt":"2025-04-02T09:00:00+00:00"}""",
        }).SetArgDisplayNames("the clock");
        yield return new TestCaseData("no connector, old timeout, operator close", new[]
        {
            """fan-out-skipped {"step":"erase","action":"erase","reason":"no connector of this organisation supports the action"}""",
            """fan-out-timed-out {"step":"erase","connectors":["crm","billing"]}""",
            """incident {"step":"erase","error":"No answer from crm, billing in time.","attempts":1}""",
            """closed-by-operator {"step":"erase","reason":"The subject withdrew the request by phone."}""",
        }).SetArgDisplayNames("no connector, old timeout, operator close");
        yield return new TestCaseData("withdrawn by the subject", new[]
        {
            """withdrawn-by-subject {"step":"erase","acted":["crm"],"unanswered":["billing"]}""",
            """completed-after-withdrawal """
                + """{"connector":"billing","action":"erase","outcome":"partial","summary":"profile erased, invoices kept","retained":"""
                + """[{"category":"invoices","legalBasis":"Code de commerce L123-22","retainUntil":"2035-01-01"}]}""",
        }).SetArgDisplayNames("withdrawn by the subject");
        yield return new TestCaseData("no identity check needed", new[]
        {
            """workflow-started {"definition":"erasure@1"}""",
            """identity-not-required {"right":"erasure","channel":"api"}""",
        }).SetArgDisplayNames("no identity check needed");
        yield return new TestCaseData("objections and automated decisions", new[]
        {
            """assessment-not-needed {"step":"assess","purpose":"direct-marketing"}""",
            """objection-assessed {"step":"assess","grounds":"Scoring for fraud goes on.","overrides":"in-part"}""",
            """automated-decision-reviewed {"step":"assess","result":"upheld","explanation":"Checked by hand.","logic":"A payment"""
                + """ score.","significance":"Sets the limit.","consequences":"A lower limit."}""",
        }).SetArgDisplayNames("objections and automated decisions");
        yield return new TestCaseData("kept in part, restriction lifted", new[]
        {
            """decided {"step":"assess","outcome":"partial","reason":"Invoices are kept.","exemptions":["GDPR Art. 17(3)(b)"],"keep":"""
                + """[{"category":"invoices","legalBasis":"Code de commerce L123-22","system":"billing"}]}""",
            """kept-beyond-instructions {"connector":"crm","categories":["notes"]}""",
            """restriction-lift-noticed {"reason":"The accuracy was verified.","liftAt":"2025-03-17T09:00:00+00:00"}""",
            """restriction-lift-sent {"connectors":["crm"],"manual":[]}""",
            """restriction-lift-answered {"connector":"crm","outcome":"done","summary":"erased"}""",
        }).SetArgDisplayNames("kept in part, restriction lifted");
        yield return new TestCaseData("erasure carried out again after a restore", new[]
        {
            """erasure-reapplied {"connector":"crm","backupTakenAt":"2025-03-02T09:00:00+00:00","restoreId":"0195a0c4-0000-7000-"""
                + """8000-00000000aaaa","manual":false}""",
            """erasure-reapply-answered {"connector":"crm","outcome":"done","summary":"erased"}""",
        }).SetArgDisplayNames("erasure carried out again after a restore");
    }

    [TestCaseSource(nameof(Golden))]
    public void Every_journal_entry_serialises_exactly_as_before(string scenario, string[] golden) =>
        Assert.That(Lines(scenario), Is.EqualTo(golden));
}
