namespace Audit.Application.Requests;

/// <summary>
/// Enumerations as clients name them (their wire names): one parse and one message for every filter and field, so
/// an unknown value is refused alike everywhere and the message lists what is accepted.
/// </summary>
public static class WireValues
{
    public delegate bool Parser<T>(string? wireName, out T value);

    /// <summary>What an institution type is called in the registry's and the invitations' messages.</summary>
    public const string KnownType = "a known type";

    /// <summary>
    /// The value of <paramref name="wireName"/>, or null when it is absent (no filter) or unknown; an unknown one adds
    /// its error under <paramref name="field"/>.
    /// </summary>
    public static T? Parse<T>(string? wireName, string field, string what, Parser<T> parse, IEnumerable<string> expected, IDictionary<string, string[]> errors)
        where T : struct
    {
        if (wireName is null)
        {
            return null;
        }
        if (parse(wireName, out var value))
        {
            return value;
        }
        errors[field] = [Unknown(wireName, what, expected)];
        return null;
    }

    public static RoundStatus? RoundStatus(string? wireName, string field, IDictionary<string, string[]> errors) =>
        Parse<RoundStatus>(wireName, field, "a round status", RoundStatuses.TryParse, RoundStatuses.WireNames, errors);

    public static InstitutionType? InstitutionType(string? wireName, string field, IDictionary<string, string[]> errors, string what = KnownType) =>
        Parse<InstitutionType>(wireName, field, what, InstitutionTypes.TryParse, InstitutionTypes.WireNames, errors);

    public static string Unknown(string? wireName, string what, IEnumerable<string> expected) =>
        $"'{wireName}' is not {what}; expected one of: {string.Join(", ", expected)}.";
}
