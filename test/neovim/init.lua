-- Neovim 0.7+ with its built-in LSP client and the ICM trace server (no plugins).
-- Usage: ICM_TRACE_SERVER=/path/dist/server.js nvim -u init.lua some-lgr.txt
-- With ICM_TRACE_REPORT=FILE it waits for diagnostics and a hover, writes them as JSON, and quits
-- (that is how test/lsp/neovim.test.ts drives it headless).

local server = os.getenv("ICM_TRACE_SERVER") or "dist/server.js"
local report = os.getenv("ICM_TRACE_REPORT")

local function start(bufnr)
  local client_id = vim.lsp.start_client({
    name = "icm-trace",
    cmd = { "node", server, "--stdio" },
    root_dir = vim.fn.getcwd(),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  return client_id
end

vim.cmd([[autocmd BufRead,BufNewFile *lgr*.txt,*rtr*.txt,*mds*.txt setfiletype icmtrace]])
vim.cmd([[autocmd FileType icmtrace lua IcmTraceStart()]])

function IcmTraceStart()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = start(bufnr)
  if report == nil then return end
  local ok = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  local result = { ok = ok, diagnostics = {}, hover = nil }
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or nil, message = d.message })
  end
  local line = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1] or ""
  local col = (string.find(line, "GetTempFileName", 1, true) or 1) - 1
  local client = vim.lsp.get_client_by_id(client_id)
  local response = client and client.request_sync("textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 0, character = col },
  }, 10000, bufnr)
  if response and response.result and response.result.contents then
    result.hover = response.result.contents.value
  end
  local file = io.open(report, "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qall!")
end
