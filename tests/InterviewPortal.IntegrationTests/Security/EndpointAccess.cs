namespace InterviewPortal.IntegrationTests.Security;

public enum Caller
{
    Anonymous,
    Admin,
    Secretary,
    Assistant,
    Candidate,
}

/// <summary>The record a route's <c>{id}</c> names, so the wrong-scope check can fill it with another college's record.</summary>
public enum Resource
{
    None,
    Candidate,
    Room,
    Interview,
    Verification,
}

/// <summary>Who may call an endpoint: anonymous callers, and which roles; <see cref="Scope"/> when its id is a scoped record.</summary>
public sealed record EndpointAccess(bool Anonymous, IReadOnlyList<Caller> Roles, Resource Scope = Resource.None)
{
    public static readonly EndpointAccess Anyone = new(true, [Caller.Admin, Caller.Secretary, Caller.Assistant, Caller.Candidate]);

    public static EndpointAccess Only(params Caller[] roles) => new(false, roles);

    public static EndpointAccess Staff => Only(Caller.Admin, Caller.Secretary, Caller.Assistant);

    public static EndpointAccess Planner => Only(Caller.Admin, Caller.Secretary);

    public EndpointAccess On(Resource resource) => this with { Scope = resource };

    public bool Allows(Caller caller) => caller == Caller.Anonymous ? Anonymous : Roles.Contains(caller);
}
