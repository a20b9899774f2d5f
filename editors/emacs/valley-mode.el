;;; valley-mode.el --- Valley knowledge files and query scripts, with eglot -*- lexical-binding: t -*-

;; A small major mode for Valley's .kb and .q files that starts `valley lsp' through eglot
;; (built into Emacs 29; a package for Emacs 26.3 and later).

;;; Code:

(require 'eglot)

(defgroup valley nil
  "Valley knowledge files and query scripts."
  :group 'languages)

(defcustom valley-lsp-command '("valley" "lsp")
  "The command that starts Valley's language server."
  :type '(repeat string)
  :group 'valley)

(defvar valley-mode-syntax-table
  (let ((table (make-syntax-table)))
    ;; % to the end of the line, and /* ... */.
    (modify-syntax-entry ?% "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?/ ". 14" table)
    (modify-syntax-entry ?* ". 23" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?' "\"" table)
    table)
  "Syntax table of `valley-mode'.")

(defvar valley-font-lock-keywords
  '(("@\\(source\\|note\\|pred\\|import\\)\\_>" . font-lock-preprocessor-face)
    ("\\_<\\(not\\|mod\\|count\\|sum\\|min\\|max\\)\\_>" . font-lock-keyword-face)
    ("\\_<[A-Z_][A-Za-z0-9_]*" . font-lock-variable-name-face)
    ("\\_<\\([a-z][A-Za-z0-9_]*\\)(" 1 font-lock-function-name-face)
    ("^:[a-z]+" . font-lock-builtin-face))
  "Highlighting of `valley-mode' before the server's semantic tokens.")

;;;###autoload
(define-derived-mode valley-mode prog-mode "Valley"
  "Major mode for Valley knowledge files (.kb) and query scripts (.q)."
  (setq-local comment-start "% ")
  (setq-local comment-end "")
  (setq-local font-lock-defaults '(valley-font-lock-keywords)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.\\(kb\\|q\\)\\'" . valley-mode))

(add-to-list 'eglot-server-programs `(valley-mode . ,valley-lsp-command))

(provide 'valley-mode)

;;; valley-mode.el ends here
