import { describeProxiedPages } from './proxied-pages';

describeProxiedPages(0, 3);
