-- Valley's language server (`valley lsp`) for Neovim's built-in client, Neovim 0.7 or later.
--
-- Load it from your init.lua with `dofile("/path/to/valley/editors/neovim/valley.lua")`,
-- or copy it to ~/.config/nvim/plugin/valley.lua. It marks *.kb and *.q files as the
-- `valley` file type and starts one `valley lsp` per workspace folder for them.
--
-- Settings, before it is loaded:
--   vim.g.valley_cmd  = { "valley", "lsp" }   -- the command that starts the server
--   vim.g.valley_root = "/path/to/folder"      -- the workspace folder (default: the
--                                              -- nearest folder above the file holding .git,
--                                              -- else the file's own folder)

local command = vim.g.valley_cmd or { "valley", "lsp" }

-- The workspace folder of a file: the setting, else the nearest folder with .git, else the
-- file's folder. The server reads every .kb file under it.
local function root_of(path)
  if vim.g.valley_root then
    return vim.g.valley_root
  end
  local folder = vim.fn.fnamemodify(path, ":p:h")
  local git = vim.fn.finddir(".git", folder .. ";")
  if git ~= "" then
    return vim.fn.fnamemodify(git, ":p:h:h")
  end
  return folder
end

local clients = {} -- one client per workspace folder

local function attach(buffer)
  local root = root_of(vim.api.nvim_buf_get_name(buffer))
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = "valley",
      cmd = command,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    })
    clients[root] = id
  end
  if id ~= nil then
    vim.lsp.buf_attach_client(buffer, id)
  end
end

local group = vim.api.nvim_create_augroup("valley_lsp", { clear = true })
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
  group = group,
  pattern = { "*.kb", "*.q" },
  callback = function(event)
    vim.bo[event.buf].filetype = "valley"
    vim.bo[event.buf].commentstring = "% %s"
  end,
})
vim.api.nvim_create_autocmd("FileType", {
  group = group,
  pattern = "valley",
  callback = function(event)
    attach(event.buf)
  end,
})
