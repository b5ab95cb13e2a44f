namespace DsarEngine.Workflows.Deadlines;

// Which days count as business days where the law does not say whose holidays apply (CCPA, 11 CCR §7021(a)).
// Only regimes with RegimeRules.BusinessDayHolidays read it; others count the jurisdiction's public holidays.
internal enum BusinessDayReading
{
    // Saturdays and Sundays only (plus the organisation's closure days): the earliest date, the default.
    WeekendsOnly,

    // The regime's own state holidays as well (California for the CCPA): later dates.
    StateHolidays,
}
