// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppUpdate } from '../src/app/appUpdate';
import { AppUpdateContext } from '../src/components/AppUpdateContext';
import { UpdatePrompt } from '../src/components/UpdatePrompt';
import { appStore } from '../src/store/store';

/**
 * The browser's side, driven by hand and acting as a real one does: `newVersion()` installs a new
 * service worker that waits (workbox-window's "waiting"); skip-waiting (this page's Reload) or
 * `otherTabTookOver()` activates it, which changes the page's controller. `log` records what reached
 * the service worker and the page.
 */
function fakeServiceWorker() {
  let options: RegisterSWOptions = {};
  let waiting = false;
  const onControllerChange: (() => void)[] = [];
  const log: string[] = [];
  const activate = () => {
    waiting = false;
    for (const listener of onControllerChange.splice(0)) listener();
  };
  const register = (o: RegisterSWOptions) => {
    options = o;
    return async () => {
      log.push('skip-waiting');
      activate();
    };
  };
  const update = createAppUpdate(register, {
    hasWaitingWorker: async () => waiting,
    onceControllerChanges: (listener) => onControllerChange.push(listener),
    reload: () => log.push('page-reload'),
  });
  return {
    update,
    log,
    newVersion: () => {
      waiting = true;
      act(() => options.onNeedRefresh?.());
    },
    otherTabTookOver: () => {
      activate();
      act(() => options.onNeedReload?.());
    },
  };
}

function renderPrompt(sw: ReturnType<typeof fakeServiceWorker>) {
  return render(
    <AppUpdateContext.Provider value={sw.update}>
      <UpdatePrompt />
    </AppUpdateContext.Provider>,
  );
}

const prompt = () => screen.queryByRole('status', { name: 'New version' });

afterEach(() => {
  cleanup();
  appStore.getState().setStatus('starting');
});

describe('createAppUpdate', () => {
  it('is ready once a new version waits; Reload lets it take over, then reloads the page into it', async () => {
    const sw = fakeServiceWorker();
    let heard = 0;
    sw.update.subscribe(() => heard++);
    expect(sw.update.isReady()).toBe(false);
    sw.newVersion();
    expect(sw.update.isReady()).toBe(true);
    expect(heard).toBe(1);
    await sw.update.reload();
    expect(sw.log).toEqual(['skip-waiting', 'page-reload']);
  });

  it('does not reload when another tab made the new version take over; its own Reload then reloads', async () => {
    const sw = fakeServiceWorker();
    sw.newVersion();
    sw.otherTabTookOver();
    expect(sw.log).toEqual([]);
    await sw.update.reload();
    expect(sw.log).toEqual(['page-reload']);
  });

  it('stops telling a listener that unsubscribed', () => {
    const sw = fakeServiceWorker();
    let heard = 0;
    const unsubscribe = sw.update.subscribe(() => heard++);
    unsubscribe();
    sw.newVersion();
    expect(heard).toBe(0);
  });
});

describe('UpdatePrompt', () => {
  it('shows nothing until a new version waits, then offers Reload, which opens the new version', async () => {
    const sw = fakeServiceWorker();
    renderPrompt(sw);
    expect(prompt()).toBeNull();
    sw.newVersion();
    expect(prompt()?.textContent).toContain('A new version of NormLab is ready.');
    expect(prompt()?.textContent).not.toContain('training');
    expect(sw.log).toEqual([]);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reload' })));
    expect(sw.log).toEqual(['skip-waiting', 'page-reload']);
  });

  it('while training, says that reloading stops the run, and reloads nothing by itself', () => {
    act(() => appStore.getState().setStatus('running'));
    const sw = fakeServiceWorker();
    renderPrompt(sw);
    sw.newVersion();
    expect(prompt()?.textContent).toContain('Reloading stops the training run; your lab is kept.');
    sw.otherTabTookOver();
    expect(sw.log).toEqual([]);
    act(() => appStore.getState().setStatus('ready'));
    expect(prompt()?.textContent).not.toContain('training');
  });

  it('Later hides the offer without reloading', () => {
    const sw = fakeServiceWorker();
    renderPrompt(sw);
    sw.newVersion();
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(prompt()).toBeNull();
    expect(sw.log).toEqual([]);
  });
});
