namespace DsarEngine.Workflows.Deadlines;

// How a month-based extension ("two further months", GDPR Art. 12(3)) is counted. A policy setting: the
// law does not say, and the two readings differ by up to three days around month ends.
internal enum ExtensionMethod
{
    // Three months from receipt, clamped and rolled like the first month: the ICO's published method.
    FromReceipt,

    // Two months from the (unrolled) end of the first month: never later than FromReceipt, so conservative.
    FromInitialDue,
}
