using ActionNet.Abstractions;
using ActionNet.Api.Auth;
using Azure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing.Template;

namespace ActionNet.Api.Apis;

/// <summary>
/// RFC 7807 answers carrying the one-line messages the CLI's rules share: bad input (an <see cref="ArgumentException"/>
/// or <see cref="FormatException"/>, also from a grain, or a query parameter given empty) is 400, a camera outside the
/// key's scope 403, a cluster or storage account that does not answer 503, an unknown route 404 and a known route
/// asked with another method 405.
/// </summary>
public static class ApiProblems
{
    /// <summary>404 with <paramref name="detail"/>.</summary>
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    /// <summary>An endpoint filter turning failures into problems, with the message on one line and masked.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        // "?label=" is no filter at all: refused, rather than read as "any label".
        if (context.HttpContext.Request.Query.FirstOrDefault(q => q.Value.Any(string.IsNullOrWhiteSpace)) is { Key: { } empty })
        {
            return BadRequest($"query parameter '{Abstractions.Cameras.CameraInputRules.Quote(empty)}' is empty: give it a value or leave it out");
        }

        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return BadRequest(ErrorText.OneLine(e.Message));
        }
        catch (ForbiddenRequestException e)
        {
            return TypedResults.Problem(detail: ErrorText.OneLine(e.Message), statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or SiloUnavailableException)
        {
            return Unavailable($"the ActionNet cluster did not answer: {ErrorText.OneLine(e.Message)}");
        }
        catch (RequestFailedException e)
        {
            return Unavailable($"the storage account did not answer: {ErrorText.OneLine(e.Message)}");
        }
    }

    /// <summary>
    /// The answer for a request under <c>/api/v1</c> that no route took: 405 with <c>Allow</c> when routes exist at the path
    /// for other methods, else 404.
    /// </summary>
    public static IResult Unmatched(HttpContext context, EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endpoints);
        var path = context.Request.Path;
        var allowed = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is { HttpMethods.Count: > 0 } && e.RoutePattern.RawText is not null && !e.RoutePattern.Parameters.Any(p => p.IsCatchAll))
            .Where(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), []).TryMatch(path, []))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (allowed.Length == 0)
        {
            return NotFound("no such API route; GET /openapi/v1.json lists them");
        }

        context.Response.Headers.Allow = string.Join(", ", allowed);
        return TypedResults.Problem(
            detail: $"{context.Request.Method} is not allowed on {path}: it answers {string.Join(", ", allowed)}",
            statusCode: StatusCodes.Status405MethodNotAllowed,
            title: "Method Not Allowed");
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");

    private static ProblemHttpResult Unavailable(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable");
}
