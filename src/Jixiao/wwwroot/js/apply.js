// The public pages of the online application (网上申请), see docs/decisions/ADR-012-online-application.md.
// Before the application form is sent, this script checks the chosen files and solves the server's
// proof-of-work challenge: it finds a number n such that SHA-256(seed + ":" + n) starts with the
// required number of zero bits, puts it in the form and sends the form. It also prints the receipt.
// A static file, because the Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  var encoder = new TextEncoder();

  function leadingZeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i];
      if (b === 0) { bits += 8; continue; }
      return bits + Math.clz32(b) - 24;
    }
    return bits;
  }

  // WebCrypto, where the page is a secure context (HTTPS, or localhost): digests in batches.
  function solveWithWebCrypto(seed, bits) {
    var batch = 512;
    function from(start) {
      var digests = [];
      for (var i = 0; i < batch; i++) {
        digests.push(crypto.subtle.digest('SHA-256', encoder.encode(seed + ':' + (start + i))));
      }
      return Promise.all(digests).then(function (hashes) {
        for (var i = 0; i < hashes.length; i++) {
          if (leadingZeroBits(new Uint8Array(hashes[i])) >= bits) { return String(start + i); }
        }
        return from(start + batch);
      });
    }
    return from(0);
  }

  // Plain HTTP on an intranet address is no secure context and has no crypto.subtle: the same
  // SHA-256 (FIPS 180-4) in script, in slices that keep the page responsive.
  var K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
  var W = new Uint32Array(64);

  function sha256(message) {
    var length = message.length;
    var blocks = ((length + 9 + 63) >> 6);
    var padded = new Uint8Array(blocks * 64);
    padded.set(message);
    padded[length] = 0x80;
    var bitLength = length * 8;
    padded[padded.length - 4] = (bitLength >>> 24) & 0xff;
    padded[padded.length - 3] = (bitLength >>> 16) & 0xff;
    padded[padded.length - 2] = (bitLength >>> 8) & 0xff;
    padded[padded.length - 1] = bitLength & 0xff;
    var h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a;
    var h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
    for (var block = 0; block < blocks; block++) {
      var o = block * 64;
      for (var t = 0; t < 16; t++) {
        W[t] = (padded[o + 4 * t] << 24) | (padded[o + 4 * t + 1] << 16) | (padded[o + 4 * t + 2] << 8) | padded[o + 4 * t + 3];
      }
      for (t = 16; t < 64; t++) {
        var w15 = W[t - 15], w2 = W[t - 2];
        var s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
        var s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
        W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
      }
      var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
      for (t = 0; t < 64; t++) {
        var S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        var ch = (e & f) ^ (~e & g);
        var temp1 = (h + S1 + ch + K[t] + W[t]) | 0;
        var S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        var maj = (a & b) ^ (a & c) ^ (b & c);
        var temp2 = (S0 + maj) | 0;
        h = g; g = f; f = e; e = (d + temp1) | 0; d = c; c = b; b = a; a = (temp1 + temp2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
    }
    var out = new Uint8Array(32);
    [h0, h1, h2, h3, h4, h5, h6, h7].forEach(function (v, i) {
      out[4 * i] = (v >>> 24) & 0xff; out[4 * i + 1] = (v >>> 16) & 0xff; out[4 * i + 2] = (v >>> 8) & 0xff; out[4 * i + 3] = v & 0xff;
    });
    return out;
  }

  function solveInScript(seed, bits) {
    return new Promise(function (resolve) {
      var n = 0;
      function slice() {
        var end = n + 20000;
        for (; n < end; n++) {
          if (leadingZeroBits(sha256(encoder.encode(seed + ':' + n))) >= bits) { resolve(String(n)); return; }
        }
        setTimeout(slice, 0);
      }
      slice();
    });
  }

  function solve(seed, bits) {
    return window.crypto && window.crypto.subtle && window.isSecureContext ? solveWithWebCrypto(seed, bits) : solveInScript(seed, bits);
  }

  function fileProblem(form, input) {
    var files = input && input.files ? Array.prototype.slice.call(input.files) : [];
    var maxFiles = Number(form.dataset.maxFiles), maxBytes = Number(form.dataset.maxBytes), maxTotal = Number(form.dataset.maxTotal);
    var extensions = (form.dataset.extensions || '').split(',');
    var mb = function (bytes) { return (bytes / 1024 / 1024).toFixed(1) + ' MB'; };
    if (files.length > maxFiles) { return '附件最多' + maxFiles + '个，本次选择了' + files.length + '个。'; }
    var total = 0;
    for (var i = 0; i < files.length; i++) {
      var name = files[i].name, dot = name.lastIndexOf('.');
      var extension = dot >= 0 ? name.slice(dot).toLowerCase() : '';
      if (extensions.indexOf(extension) < 0) { return '第' + (i + 1) + '个附件“' + name + '”的类型不能接受：只接受 PDF、JPG、PNG 图片和 Word（.docx）文档。'; }
      if (files[i].size === 0) { return '第' + (i + 1) + '个附件“' + name + '”是空文件。'; }
      if (files[i].size > maxBytes) { return '第' + (i + 1) + '个附件“' + name + '”过大：' + mb(files[i].size) + '，每个附件不超过 ' + mb(maxBytes) + '。'; }
      total += files[i].size;
    }
    return total > maxTotal ? '附件合计 ' + mb(total) + '，超过 ' + mb(maxTotal) + '。' : null;
  }

  function setUpApplication(form) {
    var button = document.getElementById('apply-submit');
    var progress = document.getElementById('apply-progress');
    var input = document.getElementById('attachments');
    var fileError = document.getElementById('attachments-error');
    var check = function () {
      var problem = fileProblem(form, input);
      fileError.textContent = problem || '';
      return problem;
    };
    input.addEventListener('change', check);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (form.dataset.solving === '1' || check()) {
        if (!form.dataset.solving) { input.focus(); }
        return;
      }
      form.dataset.solving = '1';
      button.disabled = true;
      progress.hidden = false;
      solve(form.dataset.seed, Number(form.dataset.bits)).then(function (nonce) {
        form.elements.namedItem('nonce').value = nonce;
        progress.textContent = '安全校验完成，正在提交……';
        HTMLFormElement.prototype.submit.call(form);
      }, function () {
        form.dataset.solving = '';
        button.disabled = false;
        progress.hidden = false;
        progress.textContent = '安全校验未能完成，请刷新页面后重试。';
      });
    });
  }

  function setUp() {
    var form = document.getElementById('apply-form');
    if (form && !form.dataset.ready) {
      form.dataset.ready = '1';
      setUpApplication(form);
    }
    var print = document.querySelectorAll('[data-print]');
    for (var i = 0; i < print.length; i++) {
      print[i].addEventListener('click', function () { window.print(); });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp);
  } else {
    setUp();
  }
}());
