# syntax=docker/dockerfile:1.7
# The ActionNet silo for NVIDIA Jetson (Orin, JetPack 6, linux-arm64), for the chart's `jetson` pool.
# NOT BUILT OR TESTED in this repository's CI (no arm64 builder, no Jetson): see deploy/docker/README.md, "Jetson".
# Build on a Jetson, or with an arm64 buildx builder, from the repository root:
#   docker build -f deploy/docker/jetson.Dockerfile -t actionnet-silo-jetson .
#
# Base: NVIDIA's L4T JetPack image (CUDA, cuDNN and TensorRT of the JetPack release). ONNX Runtime: the NuGet
# package this project uses (Microsoft.ML.OnnxRuntime.Gpu.Linux) has x86-64 natives only, so the image takes
# libonnxruntime.so (with its CUDA and TensorRT providers) from NVIDIA's Jetson build of ONNX Runtime for the
# same JetPack release, given as ORT_IMAGE (an image that holds it under ORT_LIB), and the silo loads it in place
# of the package's natives. OpenCvSharp's native library (libOpenCvSharpExtern.so) has no official arm64 package;
# OPENCVSHARP_IMAGE must hold an arm64 build of it under OPENCVSHARP_LIB.
ARG L4T_IMAGE=nvcr.io/nvidia/l4t-jetpack:r36.4.0
ARG ORT_IMAGE
ARG ORT_LIB=/usr/local/lib
ARG OPENCVSHARP_IMAGE
ARG OPENCVSHARP_LIB=/usr/local/lib

FROM ${ORT_IMAGE} AS onnxruntime
FROM ${OPENCVSHARP_IMAGE} AS opencvsharp

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=actionnet-nuget,target=/root/.nuget/packages \
    dotnet publish silo/ActionNet.Silo/ActionNet.Silo.csproj -c Release -r linux-arm64 --self-contained true -o /app \
    && dotnet publish client/ActionNet.Cli/ActionNet.Cli.csproj -c Release -r linux-arm64 --self-contained true -o /app/cli

FROM ${L4T_IMAGE}
ARG ORT_LIB
ARG OPENCVSHARP_LIB
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates ffmpeg libgtk-3-0 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin actionnet \
    && mkdir -p /models /var/cache/actionnet/tensorrt \
    && chown actionnet /var/cache/actionnet/tensorrt
WORKDIR /app
COPY --from=build /app ./
# JetPack's ONNX Runtime (CUDA + TensorRT providers) and the arm64 OpenCvSharp native library, next to the silo.
COPY --from=onnxruntime ${ORT_LIB}/libonnxruntime*.so* /app/
COPY --from=opencvsharp ${OPENCVSHARP_LIB}/libOpenCvSharpExtern.so /app/
ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility,video \
    LD_LIBRARY_PATH=/app \
    Inference__TensorRtEngineCacheFolder=/var/cache/actionnet/tensorrt \
    ActionNet__Accelerator=jetson
USER 10001
EXPOSE 11111 30000 8080
ENTRYPOINT ["/app/ActionNet.Silo"]
