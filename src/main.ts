import { startDuckDB } from './lib/db/client.ts';
import './app.css';

// DuckDB-WASM takes longest to start (fetching and compiling its wasm in a Worker): start it
// before the rest of the app (Svelte, ECharts, the views) is loaded and run, so the two overlap.
// A failure here is reported by the loader, which asks for DuckDB again.
startDuckDB().catch(() => undefined);

const target = document.getElementById('app');
if (!target) throw new Error('缺少 #app 元素');
const [{ mount }, { default: App }] = await Promise.all([import('svelte'), import('./App.svelte')]);
export default mount(App, { target });
