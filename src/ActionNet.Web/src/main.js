import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { getJson, whenUnauthorized } from './api.js';
import { live } from './live.js';
import { renderAlerts } from './pages/alerts.js';
import { renderCameraDetail } from './pages/cameraDetail.js';
import { renderCameras } from './pages/cameras.js';
import { renderCluster } from './pages/cluster.js';
import { renderEvents } from './pages/events.js';
import { renderSignIn } from './pages/signIn.js';
import { startRouter } from './router.js';
import { session } from './session.js';
import { renderShell } from './shell.js';

const app = document.getElementById('app');
const routes = [
  { name: 'cameras', pattern: /^\/?$/, render: renderCameras },
  { name: 'camera', pattern: /^\/cameras\/([^/]+)$/, render: renderCameraDetail },
  { name: 'events', pattern: /^\/events$/, render: renderEvents },
  { name: 'alerts', pattern: /^\/alerts$/, render: renderAlerts },
  { name: 'cluster', pattern: /^\/cluster$/, render: renderCluster },
];
let stopApp = null;

function startApp() {
  const shell = renderShell(app, () => signOut());
  const stopRouter = startRouter(routes, shell.outlet, (name) => shell.select(name));
  stopApp = () => {
    stopRouter();
    shell.stop();
    live.stop();
  };
}

function signOut(notice) {
  stopApp?.();
  stopApp = null;
  session.signOut();
  renderSignIn(app, startApp, notice);
}

whenUnauthorized((error) => signOut(`Signed out: ${error.message}`));

async function boot() {
  if (!session.key) {
    renderSignIn(app, startApp);
    return;
  }
  try {
    session.me = await getJson('/me');
    startApp();
  } catch (error) {
    signOut(error.status === 401 ? `The API refused the stored key: ${error.message}` : `Could not reach the API: ${error.message}`);
  }
}

boot();
