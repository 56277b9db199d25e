-- Drives `tthc lsp` from a real editor: Neovim's built-in LSP client (Debian's neovim,
-- 0.7+), headless. Opens a procedure, types a mistake in insert mode (never saved), waits for
-- the finding, asks for code actions, applies the quick fix, waits for the finding to go.
-- What it saw goes to $TTHC_OUT as JSON; test/neovim.test.ts reads and judges it.
local env = vim.fn.environ()
local cmd = vim.fn.json_decode(env.TTHC_CMD)
local out = { steps = {} }
local published = 0

local function finish()
  local f = io.open(env.TTHC_OUT, 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(env.TTHC_FILE))
local buf = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'tthc',
  cmd = cmd,
  root_dir = env.TTHC_WS,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result ~= nil and vim.uri_to_bufnr(result.uri) == buf then published = published + 1 end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
vim.lsp.buf_attach_client(buf, client)

local function seen()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { code = d.code, line = d.lnum, col = d.col, endCol = d.end_col, message = d.message, source = d.source, severity = d.severity })
  end
  return list
end
local function has(code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == code then return d end end
  return nil
end
local function step(name, ok) table.insert(out.steps, { name = name, ok = ok, diagnostics = seen(), published = published }) end

-- 1. Opened: the server answers with the file's diagnostics (none for a curated procedure).
step('opened', vim.wait(30000, function() return published > 0 end, 20))

-- 2. Typed: the document id of a component changed to an abolished one, key by key.
local line = vim.fn.search('document: giay-chung-sinh')
vim.api.nvim_win_set_cursor(0, { line, 0 })
vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('0f:wCphieu-bao-thay-doi-ho-khau<Esc>', true, false, true), 'xt', false)
out.typed = vim.api.nvim_buf_get_lines(buf, line - 1, line, false)[1]
out.modified = vim.bo[buf].modified
step('typed', vim.wait(30000, function() return has('TTHC402') ~= nil end, 20))

-- 3. The quick fix the server offers for it, applied as the editor applies it.
local d = has('TTHC402')
if d ~= nil then
  -- The diagnostics of the cursor's line in LSP form, as the editor's own code-action request sends them.
  local lsp
  if vim.lsp.diagnostic.get_line_diagnostics ~= nil then
    lsp = vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum)
  else
    lsp = { { range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }, code = d.code, message = d.message, severity = d.severity, source = d.source } }
  end
  local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = range, context = { diagnostics = lsp } }
  local answers, failure = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 30000)
  if answers == nil then out.error = failure; answers = {} end
  out.actions = {}
  local quick
  for _, answer in pairs(answers) do
    if answer.err ~= nil then out.error = vim.inspect(answer.err) end
    for _, action in ipairs(answer.result or {}) do
      table.insert(out.actions, { title = action.title, kind = action.kind })
      if action.kind == 'quickfix' and quick == nil then quick = action end
    end
  end
  if quick ~= nil then
    vim.lsp.util.apply_workspace_edit(quick.edit, 'utf-16')
    out.fixed = vim.api.nvim_buf_get_lines(buf, line - 1, line, false)[1]
    step('fixed', vim.wait(30000, function() return has('TTHC402') == nil and #seen() == 0 end, 20))
  end
end
finish()
