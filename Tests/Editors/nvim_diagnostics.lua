-- Run by EditorTests in headless Neovim, after editors/neovim/valley.lua and a file with an
-- error: waits for valley lsp's diagnostics on the buffer, writes one line per diagnostic
-- ("line:column code message", Neovim's 0-based line and byte column) to $VALLEY_NVIM_OUT,
-- and quits.
local out = os.getenv("VALLEY_NVIM_OUT")
local arrived = vim.wait(30000, function()
  return #vim.diagnostic.get(0) > 0
end, 50)
local lines = {}
if not arrived then
  table.insert(lines, "no diagnostics within 30 s; clients: " .. #vim.lsp.get_active_clients())
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  local message = d.message:gsub("\n", " | ")
  table.insert(lines, string.format("%d:%d %s %s", d.lnum, d.col, tostring(code), message))
end
vim.fn.writefile(lines, out)
vim.cmd("qa!")
