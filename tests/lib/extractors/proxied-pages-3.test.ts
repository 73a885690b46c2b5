import { describeProxiedPages } from './proxied-pages';

describeProxiedPages(2, 3);
