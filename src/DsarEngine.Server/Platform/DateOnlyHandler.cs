using System.Data;
using Dapper;

namespace DsarEngine.Server.Platform;

// `date` columns: Npgsql hands Dapper a DateTime; the legal clock speaks DateOnly.
internal sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override DateOnly Parse(object value) => value switch
    {
        DateTime dt => DateOnly.FromDateTime(dt),
        DateOnly d => d,
        _ => throw new DataException($"Cannot read {value.GetType()} as a DateOnly."),
    };

    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }
}
