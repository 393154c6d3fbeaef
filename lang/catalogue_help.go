package lang

// helpWordEntries are the words of the help that cobra writes (its
// headings, its -h flag, its help and completion commands), keyed by
// their English after "help:"; Printer.Help gives them.
func helpWordEntries() []entry {
	h := helpEntry
	return []entry{
		h("Usage:", "用法："), h("Aliases:", "别名："), h("Examples:", "示例："),
		h("Available Commands:", "可用命令："), h("Additional Commands:", "其他命令："),
		h("Flags:", "选项："), h("Global Flags:", "全局选项："), h("Additional help topics:", "其他帮助主题："),
		h(`Use "%s [command] --help" for more information about a command.`, `运行 "%s [command] --help" 查看某个命令的详细说明。`),
		h("help for %s", "显示 %s 的帮助"), h("Unknown help topic %#q\n", "未知的帮助主题 %#q\n"), h(" (default %s)", "（默认：%s）"),

		// cordon completion
		h("Generate the autocompletion script for the specified shell", "为指定的 shell 生成自动补全脚本"),
		h(`Generate the autocompletion script for cordon for the specified shell.
See each sub-command's help for details on how to use the generated script.
`,
			`为指定的 shell 生成 cordon 的自动补全脚本。
生成的脚本如何使用，请看各子命令的帮助。
`),

		// cordon completion bash
		h("Generate the autocompletion script for bash", "为 bash 生成自动补全脚本"),
		h(`Generate the autocompletion script for the bash shell.

This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.

To load completions in your current shell session:

	source <(cordon completion bash)

To load completions for every new session, execute once:

#### Linux:

	cordon completion bash > /etc/bash_completion.d/cordon

#### macOS:

	cordon completion bash > $(brew --prefix)/etc/bash_completion.d/cordon

You will need to start a new shell for this setup to take effect.
`,
			`为 bash 生成自动补全脚本。

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
		h("disable completion descriptions", "补全时不显示说明"),

		// cordon completion fish
		h("Generate the autocompletion script for fish", "为 fish 生成自动补全脚本"),
		h(`Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	cordon completion fish | source

To load completions for every new session, execute once:

	cordon completion fish > ~/.config/fish/completions/cordon.fish

You will need to start a new shell for this setup to take effect.
`,
			`为 fish 生成自动补全脚本。

在当前 shell 会话中加载补全：

	cordon completion fish | source

为以后的每个新会话加载补全，执行一次：

	cordon completion fish > ~/.config/fish/completions/cordon.fish

需要打开一个新的 shell，此设置才会生效。
`),

		// cordon completion powershell
		h("Generate the autocompletion script for powershell", "为 powershell 生成自动补全脚本"),
		h(`Generate the autocompletion script for powershell.

To load completions in your current shell session:

	cordon completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`,
			`为 powershell 生成自动补全脚本。

在当前 shell 会话中加载补全：

	cordon completion powershell | Out-String | Invoke-Expression

为以后的每个新会话加载补全，把上面命令的输出加入你的 powershell 配置文件（profile）。
`),

		// cordon completion zsh
		h("Generate the autocompletion script for zsh", "为 zsh 生成自动补全脚本"),
		h(`Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in your current shell session:

	source <(cordon completion zsh)

To load completions for every new session, execute once:

#### Linux:

	cordon completion zsh > "${fpath[1]}/_cordon"

#### macOS:

	cordon completion zsh > $(brew --prefix)/share/zsh/site-functions/_cordon

You will need to start a new shell for this setup to take effect.
`,
			`为 zsh 生成自动补全脚本。

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
		h("Help about any command", "显示任何命令的帮助"),
		h(`Help provides help for any command in the application.
Simply type cordon help [path to command] for full details.`,
			`help 为本程序的任何命令提供帮助。
输入 cordon help [命令路径] 查看完整说明。`),
	}
}

// helpEntry is the entry of a text of the help: its English is its key
// after "help:".
func helpEntry(en, zh string) entry { return entry{key: helpPrefix + en, en: en, zh: zh} }
