import { mount } from 'svelte';
import App from './App.svelte';
import { applyThemeToDocument, theme } from './lib/theme';
import './app.css';

applyThemeToDocument(theme);

const app = mount(App, { target: document.getElementById('app')! });

export default app;
