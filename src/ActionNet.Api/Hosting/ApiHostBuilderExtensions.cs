using System.Security.Claims;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using ActionNet.Abstractions.Hosting;
using ActionNet.Api.Apis;
using ActionNet.Api.Auth;
using ActionNet.Api.Live;
using ActionNet.Api.OpenApi;
using ActionNet.Client;
using ActionNet.ServiceDefaults;
using ActionNet.Storage.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace ActionNet.Api.Hosting;

/// <summary>Composes the API host: the cluster client, authentication and roles, rate limits, CORS, OpenAPI and live events.</summary>
public static class ApiHostBuilderExtensions
{
    /// <summary>The connection string of the storage account that holds the API keys.</summary>
    public const string StorageConnectionKey = "ConnectionStrings:Storage";

    private const string SelectorScheme = "ActionNet";

    /// <summary>Registers everything <see cref="ApiApplicationExtensions.MapActionNetApi"/> serves.</summary>
    public static IHostApplicationBuilder AddActionNetApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions();
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiOptions>>(new OptionsRules<ApiOptions>(o => o.Validate()));

        var endpoint = new ClusterEndpoint(options.Clustering, options.Gateways, builder.Configuration[StorageConnectionKey], options.ClusterId, options.ServiceId);
        builder.UseOrleansClient(client => client
            .UseActionNetCluster(endpoint, new ClusterClientSettings { ConnectAttempts = 0, ResponseTimeout = TimeSpan.FromSeconds(15) })
            .AddDashboard());

        builder.Services.AddSingleton(provider => new ApiKeyStore(
            provider.GetRequiredService<IConfiguration>()[StorageConnectionKey]
            ?? throw new InvalidOperationException($"{StorageConnectionKey} is not set: the API keys live in the storage account")));
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StorageStatus>();
        builder.Services.AddSingleton<LiveEventHub>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<LiveEventHub>());
        builder.Services.AddHealthChecks().AddCheck<LiveEventsHealthCheck>("cluster", tags: [HealthTags.Ready]);

        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // Numbers are numbers: "4" for a stride is refused, and the document types them as the API reads them.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestProblems>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddOperationTransformer<ApiOperationTransformer>();
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(provider => CameraAccess.Of(
            provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? throw new InvalidOperationException("camera access is read from a request")));
        builder.Services.AddSingleton<AuthenticationFailureLog>();
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (options.CorsOrigins.Length > 0)
            {
                policy.WithOrigins(options.CorsOrigins).AllowAnyHeader().AllowAnyMethod();
            }
        }));
        builder.AddAuthentication(options);
        builder.AddRateLimits(options);
        return builder;
    }

    private static void AddAuthentication(this IHostApplicationBuilder builder, ApiOptions options)
    {
        var jwt = !string.IsNullOrWhiteSpace(options.Oidc.Authority);
        var authentication = builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or JWT", o => o.ForwardDefaultSelector = context =>
                jwt && ApiKeyAuthenticationHandler.KeyOf(context.Request) is null && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt)
        {
            authentication.AddJwtBearer(o =>
            {
                o.Authority = options.Oidc.Authority;
                o.Audience = options.Oidc.Audience;
                o.RequireHttpsMetadata = options.Oidc.RequireHttpsMetadata;
                o.TokenValidationParameters.RoleClaimType = options.Oidc.RoleClaim;
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents { OnTokenValidated = OidcCameraClaims.For(options.Oidc) };
            });
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Viewer, p => p.RequireRole(ApiPolicies.RolesFor(ApiRole.Viewer)))
            .AddPolicy(ApiPolicies.Operator, p => p.RequireRole(ApiPolicies.RolesFor(ApiRole.Operator)))
            .AddPolicy(ApiPolicies.Admin, p => p.RequireRole(ApiPolicies.RolesFor(ApiRole.Admin)));
    }

    // One token bucket per API key (per address before sign-in), so one busy client cannot starve the others.
    private static void AddRateLimits(this IHostApplicationBuilder builder, ApiOptions options)
    {
        builder.Services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(Results.Problem(
                    detail: $"too many requests: at most {options.RequestsPerSecond} a second per key (bursts of {options.Burst}); retry after a second",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too Many Requests").ExecuteAsync(context.HttpContext));
            };
            limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(
                    context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? $"ip:{context.Connection.RemoteIpAddress}",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.Burst,
                        TokensPerPeriod = options.RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
        });
    }
}
