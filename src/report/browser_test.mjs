// Browser test of report.html: loads the page in headless Chromium with the
// network off and checks what a reader (and an attacker) would see.
//
// Usage: node browser_test.mjs REPORT.html --chromium PATH [--screenshots DIR]
//
// Drives Chromium over the DevTools protocol on a pipe
// (--remote-debugging-pipe: NUL-separated JSON on file descriptors 3 and 4),
// with Node's built-in modules only: no npm package, nothing downloaded.
// Checks:
//   1. no console error, no uncaught exception, no CSP violation or other
//      error in the browser log;
//   2. no request other than the report itself (the page is self-contained;
//      the network is also emulated offline and the resolver maps every host
//      to nothing);
//   3. hostile article text stayed inert: window.__pwned is undefined, the
//      page has exactly one script (its own), no element has an on*
//      attribute, no img/svg/iframe/object/embed/form/base element exists,
//      no href or src is a javascript: URL, and the payload text is visible
//      as text;
//   4. a mouse click on the first finding's statement link, and Enter on the
//      focused link, each scroll its highlighted span (.stmt-hl in the
//      document text) into view, focus it and mark it;
//   5. Tab from a fresh load reaches the skip link first and the findings'
//      statement link within 40 presses.
// Exit status: 0 all passed, 1 a check failed (each failure is printed).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const report = args[0];
const chromium = args[args.indexOf('--chromium') + 1];
const shotsAt = args.indexOf('--screenshots');
const shots = shotsAt >= 0 ? args[shotsAt + 1] : null;
if (!report || args.indexOf('--chromium') < 0) {
  console.error('usage: node browser_test.mjs REPORT.html --chromium PATH');
  process.exit(2);
}
const reportUrl = pathToFileURL(path.resolve(report)).href;

const failures = [];
function check(ok, what, detail) {
  if (ok) {
    console.log(`ok   ${what}`);
  } else {
    failures.push(what);
    console.log(`FAIL ${what}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`);
  }
}

// ---- A minimal DevTools-protocol client over the pipe ----
class Cdp {
  constructor(child) {
    this.out = child.stdio[3];
    this.nextId = 0;
    this.pending = new Map();
    this.handlers = [];
    let buf = '';
    child.stdio[4].on('data', (chunk) => {
      buf += chunk.toString('utf8');
      let end;
      while ((end = buf.indexOf('\0')) >= 0) {
        const msg = JSON.parse(buf.slice(0, end));
        buf = buf.slice(end + 1);
        if (msg.id !== undefined && this.pending.has(msg.id)) {
          const { resolve, reject, method } = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.error) reject(new Error(`${method}: ${msg.error.message}`));
          else resolve(msg.result);
        } else if (msg.method) {
          for (const h of this.handlers) h(msg);
        }
      }
    });
  }
  send(method, params = {}, sessionId = undefined) {
    const id = ++this.nextId;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.out.write(JSON.stringify(msg) + '\0');
    });
  }
  on(handler) { this.handlers.push(handler); }
  once(method, sessionId) {
    return new Promise((resolve) => {
      const h = (msg) => {
        if (msg.method === method && msg.sessionId === sessionId) {
          this.handlers.splice(this.handlers.indexOf(h), 1);
          resolve(msg.params);
        }
      };
      this.handlers.push(h);
    });
  }
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-chromium-'));
const child = spawn(chromium, [
  '--headless', '--disable-gpu', '--no-sandbox', '--remote-debugging-pipe',
  `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check',
  '--disable-extensions', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--metrics-recording-only', '--mute-audio', '--password-store=basic',
  '--proxy-server=http://127.0.0.1:9', '--host-resolver-rules=MAP * ~NOTFOUND',
  '--window-size=1280,900',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => { stderr += d; });

function cleanup() {
  try { child.kill('SIGKILL'); } catch (e) { /* already gone */ }
  try { fs.rmSync(profile, { recursive: true, force: true }); } catch (e) { /* ignore */ }
}
const watchdog = setTimeout(() => {
  console.log('FAIL the browser test did not finish within 45 s');
  console.log(stderr.slice(-2000));
  cleanup();
  process.exit(1);
}, 45000);
child.on('exit', (code) => {
  if (!finished) {
    console.log(`FAIL chromium exited early (status ${code})\n${stderr.slice(-2000)}`);
    clearTimeout(watchdog);
    process.exit(1);
  }
});
let finished = false;

const cdp = new Cdp(child);
const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
const send = (method, params) => cdp.send(method, params, sessionId);

// ---- What the page does ----
const problems = [];   // console errors, exceptions, log errors
const requests = [];   // every URL the page asked for
cdp.on((msg) => {
  if (msg.sessionId !== sessionId) return;
  const p = msg.params;
  if (msg.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) {
    problems.push(`console.${p.type}: ${p.args.map((a) => a.value ?? a.description).join(' ')}`);
  } else if (msg.method === 'Runtime.exceptionThrown') {
    problems.push(`exception: ${p.exceptionDetails.exception?.description ?? p.exceptionDetails.text}`);
  } else if (msg.method === 'Log.entryAdded' && p.entry.level === 'error') {
    problems.push(`log (${p.entry.source}): ${p.entry.text}`);
  } else if (msg.method === 'Network.requestWillBeSent') {
    requests.push(p.request.url);
  }
});
await send('Runtime.enable');
await send('Log.enable');
await send('Network.enable');
await send('Network.emulateNetworkConditions', {
  offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
});
await send('Page.enable');
await send('Emulation.setDeviceMetricsOverride', {
  width: 1280, height: 900, deviceScaleFactor: 1, mobile: false,
});

async function load() {
  const loaded = cdp.once('Page.loadEventFired', sessionId);
  await send('Page.navigate', { url: reportUrl });
  await loaded;
}
async function evaluate(expression) {
  const r = await send('Runtime.evaluate', {
    expression, returnByValue: true, awaitPromise: true,
  });
  if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text} in ${expression}`);
  return r.result.value;
}
// Two animation frames: scrolling and focus have settled.
const settle = () => evaluate('new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))');
async function key(name) {
  const keys = {
    Enter: { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' },
    Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 },
  };
  const k = keys[name];
  await send('Input.dispatchKeyEvent', { type: k.text ? 'keyDown' : 'rawKeyDown', ...k });
  const { text, ...up } = k;
  await send('Input.dispatchKeyEvent', { type: 'keyUp', ...up });
  await settle();
}
async function screenshot(name) {
  if (!shots) return;
  const { data } = await send('Page.captureScreenshot', { format: 'png' });
  fs.mkdirSync(shots, { recursive: true });
  fs.writeFileSync(path.join(shots, name), Buffer.from(data, 'base64'));
}

// Where the first finding's statement link points, and whether its target
// is in view, focused and marked.
const TARGET_STATE = `(() => {
  const link = document.querySelector('#findings a.stmt');
  const id = decodeURIComponent(link.getAttribute('href').slice(1));
  const el = document.getElementById(id);
  if (!el) return { id, missing: true };
  const r = el.getBoundingClientRect();
  return {
    id, hash: decodeURIComponent(location.hash.slice(1)),
    highlighted: el.classList.contains('stmt-hl') && !!el.closest('article.doc'),
    inView: r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight,
    focused: document.activeElement === el,
    marked: el.classList.contains('marked'),
    scrollY: Math.round(window.scrollY),
  };
})()`;
const RESET = `(() => {
  document.querySelectorAll('.marked').forEach(e => e.classList.remove('marked'));
  history.replaceState(null, '', location.pathname);
  if (document.activeElement) document.activeElement.blur();
  window.scrollTo(0, 0);
  return true;
})()`;
function checkJump(how, s) {
  check(!s.missing && s.highlighted, `${how}: the statement link points at a highlighted span in the text`, s);
  check(s.hash === s.id, `${how}: the address names the statement (#${s.id})`, s);
  check(s.inView && s.scrollY > 0, `${how}: the highlighted span is scrolled into view`, s);
  check(s.focused, `${how}: the highlighted span has the focus`, s);
  check(s.marked, `${how}: the highlighted span is marked`, s);
}

try {
  await load();
  await settle();
  await screenshot('top.png');
  if (shots) {
    for (const id of ['people', 'quote-groups', 'outlets']) {
      await evaluate(`document.getElementById('${id}').scrollIntoView()`);
      await settle();
      await screenshot(`${id}.png`);
    }
    await evaluate('window.scrollTo(0, 0)');
  }

  // 3. Hostile text stayed inert.
  const h = await evaluate(`(() => ({
    pwned: typeof window.__pwned,
    scripts: document.scripts.length,
    onAttributes: [...document.querySelectorAll('*')].flatMap(e =>
      [...e.attributes].filter(a => /^on/i.test(a.name)).map(a => e.tagName + ' ' + a.name)),
    elements: [...document.querySelectorAll('img,svg,iframe,object,embed,form,base,link,frame')]
      .map(e => e.tagName),
    jsUrls: [...document.querySelectorAll('[href],[src],[action]')].map(e =>
      e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))
      .filter(u => /^\\s*javascript:/i.test(u)),
    payloadShown: document.body.textContent.includes('<script>window.__pwned=1</script>') &&
      document.body.textContent.includes('onerror="window.__pwned=2"') &&
      document.body.textContent.includes('"><svg onload="window.__pwned=3">'),
    findings: document.querySelectorAll('#findings a.stmt').length,
  }))()`);
  check(h.pwned === 'undefined', 'no payload ran (window.__pwned is undefined)', h.pwned);
  check(h.scripts === 1, 'the page has exactly one script, its own', h.scripts);
  check(h.onAttributes.length === 0, 'no element has an event-handler attribute', h.onAttributes);
  check(h.elements.length === 0, 'no img/svg/iframe/object/embed/form/base/link element', h.elements);
  check(h.jsUrls.length === 0, 'no javascript: URL in href/src/action', h.jsUrls);
  check(h.payloadShown, 'the hostile markup is shown as text');
  check(h.findings > 0, 'the findings section has a statement link', h.findings);

  // 4a. A mouse click on the first statement link.
  await evaluate(`document.querySelector('#findings a.stmt').scrollIntoView({block: 'center'})`);
  await settle();
  const box = await evaluate(`(() => {
    const r = document.querySelector('#findings a.stmt').getClientRects()[0];
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
  })()`);
  for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
    await send('Input.dispatchMouseEvent', {
      type, x: box.x, y: box.y, button: type === 'mouseMoved' ? 'none' : 'left', clickCount: 1,
    });
  }
  await settle();
  checkJump('click', await evaluate(TARGET_STATE));
  await screenshot('after-click.png');

  // 4b. Enter on the focused link.
  await evaluate(RESET);
  await evaluate(`document.querySelector('#findings a.stmt').focus()`);
  await settle();
  await key('Enter');
  checkJump('Enter', await evaluate(TARGET_STATE));

  // 5. Tab from a fresh load.
  await load();
  await settle();
  const focusTrail = [];
  let reached = false;
  for (let i = 0; i < 40 && !reached; ++i) {
    await key('Tab');
    const f = await evaluate(`(() => {
      const a = document.activeElement;
      return { tag: a.tagName, cls: a.className, href: a.getAttribute('href'),
               stmt: a.matches('#findings a.stmt') };
    })()`);
    focusTrail.push(f.href || f.tag);
    reached = f.stmt;
  }
  check(focusTrail[0] === '#main', 'the first Tab reaches the skip link', focusTrail[0]);
  check(reached, 'Tab reaches the first finding\'s statement link', focusTrail);

  // 1 and 2, over everything above.
  check(problems.length === 0, 'no console error, exception or browser log error', problems);
  const others = requests.filter((u) => u.split('#')[0] !== reportUrl);
  check(others.length === 0, 'no request other than the report itself', others);
} catch (e) {
  check(false, 'the test ran to the end', String(e.stack || e));
}

finished = true;
clearTimeout(watchdog);
try { await cdp.send('Browser.close'); } catch (e) { /* closing anyway */ }
cleanup();
console.log(failures.length === 0 ? 'browser test: all checks passed'
  : `browser test: ${failures.length} check(s) failed`);
process.exit(failures.length === 0 ? 0 : 1);
