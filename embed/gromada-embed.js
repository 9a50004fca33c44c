/*! Gromada embed loader: <div data-gromada="board:feature-requests"></div>
 *  <script src="https://HOST/PATH/gromada-embed.js" async></script>
 * Optional data-: locale, theme-(primary|background|text|font|radius), title, height,
 * backend (rest|couch). */
(function () {
  var me = document.currentScript, base = new URL('./', me ? me.src : location.href);
  var frames = {}, n = 0;
  var opts = 'locale theme-primary theme-background theme-text theme-font theme-radius'.split(' ');
  function mount(el) {
    function a(k) { return el.getAttribute('data-' + k); }
    if (a('gromada-ready')) return;
    el.setAttribute('data-gromada-ready', '1');
    var id = 'gromada-' + ++n + '-' + Math.random().toString(36).slice(2, 8);
    var w = a('gromada') || '';
    var u = new URL((/^(survey|pulse):/.test(w) ? 'embed-survey' : 'embed') + (/^(rest|couch)$/.test(a('backend')) ? '-remote' : '') + '.html', base);
    u.searchParams.set('embed', w);
    u.searchParams.set('frame', id);
    u.searchParams.set('origin', location.origin);
    opts.forEach(function (k) {
      var v = a(k);
      if (v) u.searchParams.set(k, v);
    });
    var f = document.createElement('iframe');
    f.src = u.href;
    f.title = a('title') || 'Gromada';
    f.style.width = '100%';
    f.style.border = '0';
    f.style.display = 'block';
    f.style.height = (parseInt(a('height'), 10) || 480) + 'px';
    frames[id] = f;
    el.appendChild(f);
  }
  addEventListener('message', function (e) {
    var d = e.data;
    if (e.origin !== base.origin || !d || d.type !== 'gromada:resize') return;
    var f = frames[d.id];
    if (!f || e.source !== f.contentWindow) return;
    var h = Math.ceil(+d.height);
    if (h > 0 && h < 1e5) f.style.height = h + 'px';
  });
  function scan() {
    var list = document.querySelectorAll('[data-gromada]');
    for (var i = 0; i < list.length; i++) mount(list[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
  window.Gromada = { scan: scan };
})();
