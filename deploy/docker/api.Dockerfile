# syntax=docker/dockerfile:1.7
# The ActionNet API host: the REST API under /api/v1, live events (SSE), the web console's static files at /, the Orleans
# Dashboard for admins; /healthz, /readyz and /metrics. No native libraries (no ONNX Runtime, no OpenCV): the ASP.NET
# Core runtime image is enough.
# Build from the repository root:  docker build -f deploy/docker/api.Dockerfile -t actionnet/api .

# The web console (src/ActionNet.Web): npm builds it into src/ActionNet.Api/wwwroot, which the API serves.
FROM node:20-bookworm-slim AS web
WORKDIR /src/src/ActionNet.Web
COPY src/ActionNet.Web/ ./
RUN npm ci --no-audit --no-fund && npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=web /src/src/ActionNet.Api/wwwroot src/ActionNet.Api/wwwroot
RUN --mount=type=cache,id=actionnet-nuget,target=/root/.nuget/packages \
    dotnet publish src/ActionNet.Api/ActionNet.Api.csproj -c Release -r linux-x64 --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# uid 10001, as in the silo image and the chart's pod security context.
RUN groupadd --gid 10001 actionnet \
    && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin actionnet
WORKDIR /app
COPY --from=build /app ./
# Kestrel's port (the chart sets it again from api.port).
ENV ASPNETCORE_HTTP_PORTS=8080
USER 10001
EXPOSE 8080
ENTRYPOINT ["/app/ActionNet.Api"]
