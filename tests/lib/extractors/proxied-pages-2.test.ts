import { describeProxiedPages } from './proxied-pages';

describeProxiedPages(1, 3);
