import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { installAuthGuards } from './router/guards';
import './styles/base.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
installAuthGuards(router);
app.use(router);
app.mount('#app');
