// How a camera's state reads on a card: CameraState (Abstractions) in words.
const words = {
  Connecting: 'connecting',
  Streaming: 'streaming',
  Reconnecting: 'reconnecting',
  WaitingForAccelerator: 'waiting for an accelerator',
  Failed: 'failed',
  Disabled: 'disabled',
  Stopped: 'stopped',
};

export function cameraState(view) {
  const state = view.enabled === false ? 'Disabled' : (view.status?.state ?? 'Stopped');
  return { key: state, text: words[state] ?? String(state).toLowerCase() };
}
