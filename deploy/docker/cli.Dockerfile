# syntax=docker/dockerfile:1.7
# The actionnet CLI (cluster commands, classify, eval, model inspect) on the CPU execution provider.
# Build from the repository root:  docker build -f deploy/docker/cli.Dockerfile -t actionnet/cli .
# Run:  docker run --rm -e ACTIONNET_GATEWAYS=<host>:30000 actionnet/cli cluster status

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=actionnet-nuget,target=/root/.nuget/packages \
    dotnet publish client/ActionNet.Cli/ActionNet.Cli.csproj -c Release -r linux-x64 --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
# ffmpeg for network sources; libgtk-3-0t64 (Ubuntu 24.04's libgtk-3-0) for OpenCvSharp's native library.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ffmpeg libgtk-3-0t64 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
USER app
ENTRYPOINT ["/app/actionnet"]
