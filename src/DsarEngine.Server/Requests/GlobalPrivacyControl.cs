namespace DsarEngine.Server.Requests;

// 11 CCR §7025(b): a business must treat an opt-out preference signal as a valid request to opt out of sale/sharing for
// the browser or device that sends it. Global Privacy Control sends "Sec-GPC: 1" (the GPC specification: any other value
// means no preference). Read from the submission's own request, so it is the subject's browser, never a relay's.
internal static class GlobalPrivacyControl
{
    public const string Header = "Sec-GPC";

    public static bool Sent(HttpRequest request) => request.Headers[Header].ToString().Trim() == "1";
}
