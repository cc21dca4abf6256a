// jest-preset-angular's environment first: it loads the compiler @angular/common needs.
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { registerLocaleData } from '@angular/common';
import localeDa from '@angular/common/locales/da';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// As in app.config.ts: dates and numbers render in Danish, the UI's first language.
registerLocaleData(localeDa);
