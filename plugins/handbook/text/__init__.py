"""Text made safe for where it lands, shared by every layer that writes for people.

`markdown_text` makes text from git, the map or front matter inert inside the Markdown the plugin
generates (the changelog, the channel directory, the reviews page); `webhook` builds the Discord
webhook message every announcement posts, within Discord's limits, its text escaped; `secrets`
says what a secret looks like (tokens, webhook URLs, invites, the environment variables that carry
them) so messages, logs and the published site never carry one. Pure: text in, text out.
"""
