# syntax=docker/dockerfile:1.7
# The ActionNet silo for x86-64 hosts, with or without an NVIDIA GPU (T4 and other CUDA GPUs, or CPU only).
# Build from the repository root:  docker build -f deploy/docker/silo.Dockerfile -t actionnet/silo .
#
# Base image: ONNX Runtime GPU 1.31 (Microsoft.ML.OnnxRuntime.Gpu.Linux) is built against CUDA 13 and cuDNN 9,
# and its TensorRT provider needs TensorRT 10. nvidia/cuda's "cudnn-runtime" images carry the CUDA 13 runtime
# libraries and cuDNN 9 without compilers; TensorRT is added from NVIDIA's apt repository that the image
# already configures. Override CUDA_IMAGE / TENSORRT_VERSION together if you move to another CUDA 13 release.
ARG CUDA_IMAGE=nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# Self-contained: the CUDA image has no .NET runtime. linux-x64 only: the GPU package and OpenCvSharp's
# official runtime have no linux-arm64 natives (see deploy/docker/README.md, "Jetson").
RUN --mount=type=cache,id=actionnet-nuget,target=/root/.nuget/packages \
    dotnet publish silo/ActionNet.Silo/ActionNet.Silo.csproj -c Release -r linux-x64 --self-contained true -o /app
# The actionnet CLI beside the silo: the chart's preStop hook runs `/app/cli/actionnet cluster drain <host> --wait <s>`.
RUN --mount=type=cache,id=actionnet-nuget,target=/root/.nuget/packages \
    dotnet publish client/ActionNet.Cli/ActionNet.Cli.csproj -c Release -r linux-x64 --self-contained true -o /app/cli

FROM ${CUDA_IMAGE}
ARG TENSORRT_VERSION=10.14.1.48-1+cuda13.0
# ffmpeg: network camera sources are decoded by the ffmpeg binary (OpenCvSharp's bundled FFmpeg has no network
# support). libgtk-3-0t64 is Ubuntu 24.04's name for libgtk-3-0, which OpenCvSharp's native library links.
# libssl3t64 + ca-certificates: TLS to the storage account.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates libssl3t64 ffmpeg libgtk-3-0t64 \
        libnvinfer10=${TENSORRT_VERSION} libnvinfer-plugin10=${TENSORRT_VERSION} libnvonnxparsers10=${TENSORRT_VERSION} \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin actionnet \
    && mkdir -p /models /var/cache/actionnet/tensorrt \
    && chown actionnet /var/cache/actionnet/tensorrt

# Without a GPU (no device, or no NVIDIA container runtime) the same image runs on the CPU provider: the silo
# logs one "Execution provider unavailable: ... running on CPU" line and carries on.
ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility,video \
    Inference__TensorRtEngineCacheFolder=/var/cache/actionnet/tensorrt

WORKDIR /app
COPY --from=build /app ./
USER 10001
EXPOSE 11111 30000 8080
ENTRYPOINT ["/app/ActionNet.Silo"]
