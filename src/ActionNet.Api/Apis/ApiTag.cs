namespace ActionNet.Api.Apis;

/// <summary>
/// A feature's OpenAPI tag and what it is for; a route group carries it as metadata, and the document lists every
/// group's tag with its description (<see cref="OpenApi.ApiDocumentTransformer"/>).
/// </summary>
/// <param name="Name">The tag.</param>
/// <param name="Description">What the feature's routes do, for people reading the document.</param>
public sealed record ApiTag(string Name, string Description)
{
    /// <summary>A route group at <paramref name="prefix"/> tagged with this tag.</summary>
    public RouteGroupBuilder Group(IEndpointRouteBuilder app, string prefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGroup(prefix).WithTags(Name).WithMetadata(this);
    }
}
