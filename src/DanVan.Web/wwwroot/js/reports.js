// Report page: a download of a draft report asks first (the document itself also says it is a draft).
(() => {
  const actions = document.getElementById('report-actions');
  const question = actions?.dataset.draftConfirm;
  if (!question) return;
  for (const link of actions.querySelectorAll('a.download')) {
    link.addEventListener('click', (e) => { if (!window.confirm(question)) e.preventDefault(); });
  }
})();

// Template page: the preview follows the typing (the "Xem trước" button does the same without script).
(() => {
  const form = document.getElementById('template-form');
  const target = document.getElementById('template-preview');
  if (!form || !target) return;
  let timer = 0;
  let asked = 0;
  const refresh = async () => {
    const mine = ++asked;
    const response = await fetch(form.dataset.previewUrl, { method: 'POST', body: new FormData(form), headers: { 'X-Preview': '1' } });
    if (response.ok && mine === asked) target.innerHTML = await response.text();
  };
  form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 500); });
  form.addEventListener('change', () => { clearTimeout(timer); timer = setTimeout(refresh, 200); });
})();
