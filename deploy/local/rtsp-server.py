#!/usr/bin/python3
"""A small RTSP server on loopback for stream tests and local demos (GStreamer's RTSP server library).

Serves a live test pattern and/or video files over RTSP (RTP over TCP or UDP, as the client asks):

  rtsp-server.py --port 8554 --mount /cam --width 640 --height 360 --fps 15
  rtsp-server.py --port 8554 --mount /private --user alice --password s3cret
  rtsp-server.py --port 8554 --file-mount /clip=/videos/walk.mp4

--mount        a live test pattern (repeatable)
--user/--password  every mount of this server needs these (RTSP basic auth): a missing or wrong
               password gets 401 Unauthorized. Server-wide on purpose: GStreamer's RTSP server only
               challenges clients that have no token at all, so a mount open to anonymous clients
               next to a protected one would answer 404, not 401, to a client without credentials.
--shared-mount a live test pattern encoded once for every client (benchmarks with many clients)
--file-mount   PATH=FILE: a video file decoded and re-encoded at --fps; each session plays it once
               from the start, then the server ends that session (the client sees EOF)
--encoder      h264 (x264, default) or jpeg (RTP/JPEG: cheaper for huge frames, no inter frames)

Prints "rtsp-server ready rtsp://HOST:PORT mounts=/a,/b" once it listens, and exits 0 on SIGTERM or
SIGINT. Needs Debian's python3-gi, gir1.2-gst-rtsp-server-1.0 and gstreamer1.0-plugins-base/good/ugly
(x264enc is in -ugly). Run it with /usr/bin/python3: a pyenv or venv python lacks the gi module.
"""

import argparse
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

USER_ROLE = "user"


def encoder(kind, fps):
    if kind == "jpeg":
        return "jpegenc quality=70 ! rtpjpegpay name=pay0 pt=26"
    # Zero latency and a key frame every second, so a client joining late gets a picture within 1 s.
    return (f"x264enc tune=zerolatency speed-preset=ultrafast key-int-max={max(1, fps)} ! "
            "rtph264pay name=pay0 pt=96 config-interval=1")


def pattern_launch(args):
    caps = f"video/x-raw,width={args.width},height={args.height},framerate={args.fps}/1"
    return (f"( videotestsrc is-live=true pattern={args.pattern} ! {caps} ! videoconvert ! "
            f"{encoder(args.encoder, args.fps)} )")


def file_launch(path, args):
    location = path.replace("\\", "\\\\").replace('"', '\\"')
    return (f'( filesrc location="{location}" ! decodebin ! videoconvert ! videorate ! '
            f"video/x-raw,framerate={args.fps}/1 ! {encoder(args.encoder, args.fps)} )")


def factory(launch, roles, shared=False):
    f = GstRtspServer.RTSPMediaFactory()
    f.set_launch(launch)
    # One pipeline per client, so a client that disconnects never stalls another; a shared mount encodes
    # once for every client (benchmarks with many clients measure decoding, not the server's encoder).
    f.set_shared(shared)
    for role in roles:
        f.add_role_from_structure(Gst.Structure.new_from_string(
            f"{role}, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"))
    return f


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8554)
    parser.add_argument("--mount", action="append", default=[])
    parser.add_argument("--file-mount", action="append", default=[])
    parser.add_argument("--shared-mount", action="append", default=[])
    parser.add_argument("--width", type=int, default=320)
    parser.add_argument("--height", type=int, default=240)
    parser.add_argument("--fps", type=int, default=15)
    parser.add_argument("--pattern", default="ball")
    parser.add_argument("--encoder", choices=["h264", "jpeg"], default="h264")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()

    if bool(args.user) != bool(args.password):
        parser.error("--user and --password go together")
    if not (args.mount or args.file_mount or args.shared_mount):
        args.mount = ["/cam"]

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address(args.host)
    server.set_service(str(args.port))
    mounts = server.get_mount_points()

    roles = []
    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", USER_ROLE)
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password), token)
        server.set_auth(auth)
        roles = [USER_ROLE]

    for path in args.mount:
        mounts.add_factory(path, factory(pattern_launch(args), roles))
    for path in args.shared_mount:
        mounts.add_factory(path, factory(pattern_launch(args), roles, shared=True))
    for spec in args.file_mount:
        path, _, file = spec.partition("=")
        if not file:
            parser.error(f"--file-mount expects PATH=FILE, got '{spec}'")
        mounts.add_factory(path, factory(file_launch(file, args), roles))

    if server.attach(None) == 0:
        print(f"rtsp-server: cannot listen on {args.host}:{args.port}", file=sys.stderr, flush=True)
        return 1

    loop = GLib.MainLoop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_HIGH, signum, loop.quit)
    all_mounts = ",".join(args.mount + args.shared_mount + [s.partition("=")[0] for s in args.file_mount])
    print(f"rtsp-server ready rtsp://{args.host}:{server.get_bound_port()} mounts={all_mounts}", flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
