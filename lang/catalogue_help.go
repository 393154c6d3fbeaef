package lang

// helpWordEntries are the help that cobra writes: its words (its
// headings, its -h flag), keyed by their English after "help:", which
// Printer.Help gives; and its help and completion commands, keyed as
// cordon's (helpCommandEntries).
func helpWordEntries() []entry {
	w := helpWord
	words := []entry{
		w("Usage:", "用法："), w("Aliases:", "别名："), w("Examples:", "示例："),
		w("Available Commands:", "可用命令："), w("Additional Commands:", "其他命令："),
		w("Flags:", "选项："), w("Global Flags:", "全局选项："), w("Additional help topics:", "其他帮助主题："),
		w(`Use "%s [command] --help" for more information about a command.`, `运行 "%s [command] --help" 查看某个命令的详细说明。`),
		w("help for %s", "显示 %s 的帮助"), w("Unknown help topic %#q\n", "未知的帮助主题 %#q\n"), w(" (default %s)", "（默认：%s）"),
	}
	h := helpText
	return append(words,
		// cordon completion
		h("completion.short", "5f474595", "为指定的 shell 生成自动补全脚本"),
		h("completion.long", "5076ec30", `为指定的 shell 生成 cordon 的自动补全脚本。
生成的脚本如何使用，请看各子命令的帮助。
`),

		// cordon completion bash
		h("completion bash.short", "f7a27d7a", "为 bash 生成自动补全脚本"),
		h("completion bash.long", "0e8a7974", `为 bash 生成自动补全脚本。

该脚本依赖 'bash-completion' 软件包。
如果尚未安装，可以用操作系统的软件包管理器安装。

在当前 shell 会话中加载补全：

	source <(cordon completion bash)

为以后的每个新会话加载补全，执行一次：

#### Linux：

	cordon completion bash > /etc/bash_completion.d/cordon

#### macOS：

	cordon completion bash > $(brew --prefix)/etc/bash_completion.d/cordon

需要打开一个新的 shell，此设置才会生效。
`),

		// cordon completion fish
		h("completion fish.short", "accc763f", "为 fish 生成自动补全脚本"),
		h("completion fish.long", "29d91e9e", `为 fish 生成自动补全脚本。

在当前 shell 会话中加载补全：

	cordon completion fish | source

为以后的每个新会话加载补全，执行一次：

	cordon completion fish > ~/.config/fish/completions/cordon.fish

需要打开一个新的 shell，此设置才会生效。
`),

		// cordon completion powershell
		h("completion powershell.short", "ae1037d0", "为 powershell 生成自动补全脚本"),
		h("completion powershell.long", "29ddbc0c", `为 powershell 生成自动补全脚本。

在当前 shell 会话中加载补全：

	cordon completion powershell | Out-String | Invoke-Expression

为以后的每个新会话加载补全，把上面命令的输出加入你的 powershell 配置文件（profile）。
`),

		// cordon completion zsh
		h("completion zsh.short", "ff2fa835", "为 zsh 生成自动补全脚本"),
		h("completion zsh.long", "97f7feb4", `为 zsh 生成自动补全脚本。

如果你的环境中尚未启用 shell 补全，需要先启用它。可以执行一次：

	echo "autoload -U compinit; compinit" >> ~/.zshrc

在当前 shell 会话中加载补全：

	source <(cordon completion zsh)

为以后的每个新会话加载补全，执行一次：

#### Linux：

	cordon completion zsh > "${fpath[1]}/_cordon"

#### macOS：

	cordon completion zsh > $(brew --prefix)/share/zsh/site-functions/_cordon

需要打开一个新的 shell，此设置才会生效。
`),

		// cordon help
		h("help.short", "38b3bf6d", "显示任何命令的帮助"),
		h("help.long", "b971a129", `help 为本程序的任何命令提供帮助。
输入 cordon help [命令路径] 查看完整说明。`),

		// cordon completion bash, fish, powershell and zsh
		h("--no-descriptions", "2e860d6b", "补全时不显示说明"),
	)
}

// helpWord is the entry of one of cobra's words: its English is its key
// after "help:".
func helpWord(en, zh string) entry { return entry{key: helpPrefix + en, en: en, zh: zh} }

// helpText is the entry of a command's text or a flag's usage: its id
// (see the package's doc) is its key after "help:"; of is the Fingerprint
// of the English that zh translates.
func helpText(id, of, zh string) entry { return entry{key: helpPrefix + id, zh: zh, of: of} }
