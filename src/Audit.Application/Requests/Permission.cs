namespace Audit.Application.Requests;

/// <summary>
/// The role checks of operations that are not about one participation. The web project refuses the same roles before
/// a use case runs; the use case checks again so that it is safe from every caller, worded as the web project words it.
/// </summary>
public static class Permission
{
    public const string Denied = "Your role does not allow this request.";

    /// <summary>Null when <paramref name="caller"/> is an admin; else the refusal.</summary>
    public static Failure? AdminOnly(Caller caller) => caller.IsAdmin ? null : new Failure.Forbidden(Denied);

    /// <summary>Null when <paramref name="caller"/> is of the bureau (admin or analyst); else the refusal.</summary>
    public static Failure? BureauOnly(Caller caller) => caller.IsBureau ? null : new Failure.Forbidden(Denied);
}
