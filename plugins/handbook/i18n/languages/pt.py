"""Portuguese (Português): the words the plugin writes into a site, translated from
`en.py` key for key; the rules are in `handbook/i18n/catalogue.py`.
"""

from __future__ import annotations

NAME = "Português"
"""The language's name in itself."""

WORDS: dict[str, str] = {
    # --- the "Discuss this page" box --------------------------------------------------------
    "discuss_in": "Discuta esta página em",
    "on_discord": "no Discord",
    "not_a_member": "Ainda não é membro?",
    "join": "Entrar em {server}",
    "join_the_server": "Entrar no servidor",
    # --- the page dates box -----------------------------------------------------------------
    # Its labels where no theme gives them (Zensical): Material's and Zensical's `source.file.*`.
    "history_updated": "Última atualização",
    "history_created": "Criada",
    "history_contributors": "Colaboradores",
    "not_committed": "Ainda não registrado no git",
    "uncommitted": "Alterações não registradas no git",
    "shallow_unknown": "Histórico indisponível neste clone raso",
    "created_unknown": "Data de criação desconhecida (clone raso)",
    # --- the review footer line ("Reviewed on March 1, 2024 by @docs") -------------------------
    "reviewed": "Revisado",
    "reviewed_on": "Revisado em",
    "reviewed_by": "por",
    # --- page titles ------------------------------------------------------------------------
    "channels_title": "Canais",
    "roles_title": "Cargos e permissões",
    "changelog_title": "Registro de alterações",
    "reviews_title": "Revisões",
    "communities_title": "Comunidades relacionadas",
    # --- the channel directory --------------------------------------------------------------
    "channels_intro_server": (
        "Os espaços do servidor {server} no Discord, na ordem em que o Discord os mostra, e quem "
        "pode ver cada um."
    ),
    "channels_intro": "Nossos espaços no Discord, na ordem em que o Discord os mostra, e quem pode ver cada um.",
    "private_space_title": "Espaço privado",
    "private_space_with_one": "Um espaço privado com {count} canal.",
    "private_space_with_other": "Um espaço privado com {count} canais.",
    "who_can_see_it": "Visível para: {roles}.",
    "the_roles_it_lists": "os cargos que indica",
    "every_member": "todos os membros",
    "private_channel": "um canal privado",
    "channels_in": "Canais de {category}",
    "column_channel": "Canal",
    "column_kind": "Tipo",
    "column_channel_purpose": "Para que serve",
    "column_who_can_see_it": "Visível para",
    "kind_topic": "tópico",
    "kind_prompt": "conversa",
    "kind_announcement": "anúncios",
    "kind_voice": "voz",
    "kind_forum": "fórum",
    "mirrors_pages": "espelha as páginas <code>{category}</code> do manual",
    "archived_title": "Arquivados",
    "archived_intro": "Mantidos somente leitura pelo seu histórico:",
    # --- the roles page ---------------------------------------------------------------------
    "roles_intro": "Todos os membros veem os espaços abertos: {spaces}. Os cargos dão acesso aos espaços privados.",
    "open_spaces": "espaços abertos",
    "a_private_space": "um espaço privado",
    "named_private_space": "{name} (privado)",
    "roles_caption": "Os cargos, para que serve cada um e os espaços que vê",
    "column_role": "Cargo",
    "column_role_purpose": "Para que serve",
    "column_spaces": "Espaços visíveis",
    "safety_title": "Como protegemos você",
    "safety_intro_server": (
        "O que o servidor {server} no Discord faz para proteger os seus membros, segundo o mapa de "
        "canais do manual."
    ),
    "safety_intro": (
        "O que o nosso servidor no Discord faz para proteger os seus membros, segundo o mapa de "
        "canais do manual."
    ),
    "safety_private_title": "Quem pode ver cada espaço privado",
    "safety_private_intro": (
        "Todos os membros veem os outros espaços. Um espaço privado só é visto pelos cargos "
        "indicados aqui (e pelo dono do servidor, a quem o Discord mostra tudo)."
    ),
    "safety_no_private": "O servidor não tem espaços privados: todos os membros veem todos os canais.",
    "safety_caption": "Os espaços privados e os cargos que podem vê-los",
    "column_space": "Espaço",
    "safety_first_title": "Os seus primeiros minutos",
    "verification_none": "Você pode escrever assim que entrar.",
    "verification_low": "Você pode escrever quando a sua conta do Discord tiver um e-mail verificado.",
    "verification_medium": (
        "Você pode escrever quando a sua conta do Discord tiver um e-mail verificado e mais de "
        "cinco minutos de existência."
    ),
    "verification_high": (
        "Você pode escrever quando a sua conta do Discord tiver um e-mail verificado e mais de "
        "cinco minutos de existência, e você for membro do servidor há mais de dez minutos."
    ),
    "verification_very_high": (
        "Você pode escrever quando a sua conta do Discord tiver um número de telefone verificado."
    ),
    "safety_onboarding": (
        "Quando você entra, o Discord pergunta: {questions}. As suas respostas escolhem os canais e"
        " os cargos com que você começa."
    ),
    "safety_moderators_title": "Moderação",
    "safety_moderators_mfa": (
        "O servidor exige que os moderadores protejam a sua própria conta com autenticação de dois fatores antes de poderem apagar mensagens, suspender temporariamente membros ou banir alguém."
    ),
    "safety_automod_title": "O que o AutoMod bloqueia",
    "safety_automod_intro": "O AutoMod do Discord verifica cada mensagem antes que alguém a veja, e impede:",
    "automod_keywords": "mensagens com palavras ou frases da nossa lista de bloqueio",
    "automod_keyword_preset": "mensagens com palavras das listas do Discord: {lists}",
    "automod_preset_profanity": "palavrões",
    "automod_preset_sexual_content": "conteúdo sexual",
    "automod_preset_slurs": "insultos",
    "automod_spam": "mensagens que parecem spam",
    "automod_mention_spam_one": "mensagens que mencionam mais de {count} membro ou cargo de uma vez",
    "automod_mention_spam_other": "mensagens que mencionam mais de {count} membros ou cargos de uma vez",
    "automod_member_profile": "nomes e perfis com palavras da nossa lista de bloqueio",
    # --- the changelog and the feed -----------------------------------------------------------
    "changelog_intro": "O que mudou no manual, do mais recente ao mais antigo, conforme registrado no git.",
    "changelog_follow": 'Acompanhe em um leitor de feeds: <a href="{url}">feed Atom</a>.',
    "changelog_empty": "Nenhuma alteração registrada ainda.",
    "changelog_no_git": "O registro de alterações está vazio: este site foi gerado sem o histórico do git.",
    "changelog_shallow": "Gerado a partir de um clone raso do git: as alterações mais antigas não estão listadas.",
    "changelog_older_title": "Alterações mais antigas",
    "changelog_year_title": "Registro de alterações de {year}",
    "changelog_year_intro": "O que mudou no manual em {year}, do mais recente ao mais antigo, conforme registrado no git.",
    "changelog_recent": "Alterações recentes",
    "changelog_other_years": "Outros anos",
    "label_then": "{label}:",
    "change_added_label": "Adicionado",
    "change_updated_label": "Atualizado",
    "change_renamed_label": "Renomeado",
    "change_removed_label": "Removido",
    "change_channels_label": "Canais",
    "removed_since": "(removida desde então)",
    "older_changes_one": "{count} alteração mais antiga não mostrada aqui",
    "older_changes_other": "{count} alterações mais antigas não mostradas aqui",
    "older_in_feed": '{older}; o <a href="{url}">feed Atom</a> tem todas.',
    "feed_title": "{site}: alterações",
    "no_subject": "(sem assunto)",
    # Channel changes in the changelog: "{channel}" is one of the `channel_word*` below.
    "channel_word": "canal",
    "channel_word_topic": "canal temático",
    "channel_word_prompt": "canal de conversa",
    "channel_word_announcement": "canal de anúncios",
    "channel_word_voice": "canal de voz",
    "channel_word_forum": "canal de fórum",
    "channel_added": "{channel} #{name} adicionado",
    "channel_renamed": "#{old} renomeado para #{name}",
    "channel_archived": "#{name} arquivado",
    "channel_restored": "#{name} restaurado",
    "channel_removed": "#{name} removido do mapa de canais",
    "private_channel_added": "um {channel} privado foi adicionado",
    "private_channel_renamed": "um {channel} privado foi renomeado",
    "private_channel_archived": "um {channel} privado foi arquivado",
    "private_channel_restored": "um {channel} privado foi restaurado",
    "private_channel_removed": "um {channel} privado foi removido do mapa de canais",
    # --- the reviews page and the overdue banner ---------------------------------------------
    "reviews_intro": (
        "Páginas que precisam ser relidas, em {today}: primeiro as atrasadas, depois as que vencem "
        "em até {within} e então as páginas sem data de revisão. Defina `last_reviewed:` no front "
        "matter de uma página quando a tiver relido."
    ),
    "reviews_overdue": "Atrasadas",
    "reviews_none_overdue": "Nenhuma página está atrasada.",
    "reviews_due_within": "Vencem em até {within}",
    "reviews_none_due": "Nenhuma página vence em até {within}.",
    "reviews_never": "Nunca revisadas",
    "reviews_all_dated": "Todas as páginas têm data de revisão.",
    "reviews_up_to_date": "Em dia",
    "column_page": "Página",
    "column_owner": "Responsável",
    "column_last_reviewed": "Última revisão",
    "column_due": "Vencimento",
    "no_owner": "sem responsável",
    "banner_title": "Esta página pode estar desatualizada",
    "banner_due": "Esta página deveria ter sido revisada em {date}.",
    "banner_owner": "O responsável é {owner}.",
    "banner_no_owner": "Ela não tem responsável.",
    "duration_days_one": "{count} dia",
    "duration_days_other": "{count} dias",
    "duration_weeks_one": "{count} semana",
    "duration_weeks_other": "{count} semanas",
    "duration_months_one": "{count} mês",
    "duration_months_other": "{count} meses",
    "duration_years_one": "{count} ano",
    "duration_years_other": "{count} anos",
    # --- the communities directory -------------------------------------------------------------
    "communities_intro": (
        "Comunidades de prática próximas da nossa, e se os links delas funcionavam na última "
        "verificação."
    ),
    "communities_checked": "A última verificação de links foi em {date}.",
    "communities_unchecked": "Esses links ainda não foram verificados.",
    "filter_topic": "Tema",
    "filter_platform": "Plataforma",
    "filter_all": "todas",
    "communities_shown": "{count} mostradas",
    "other_topic": "Outras",
    "other_platform": "outra",
    "cost_free": "gratuito",
    "cost_paid": "pago",
    "join_on_discord": "entrar no Discord",
    "health": "Estado: {health}",
    "health_ok": "ativo",
    "health_redirected": "movido",
    "health_dead": "quebrado",
    "health_unreachable": "inacessível",
    "health_unchecked": "não verificado",
    "moved_to": "movido para {link}",
    "invite_ok": "convite válido",
    "invite_redirected": "convite redirecionado",
    "invite_dead": "convite expirado",
    "invite_unreachable": "convite inacessível",
    "invite_unchecked": "convite não verificado",
    "members_one": "{count} membro",
    "members_other": "{count} membros",
    "online": "{count} online",
    "checked_on": "verificado em {date}",
    "token_removed": "[token removido]",
    "archived_space": "{space} (arquivado, somente leitura)",
    "roles_archived_open": (
        "Os canais arquivados são somente leitura, e quem podia ver um continua a vê-lo: "
        "todos os membros podem ler {channels}."
    ),
}
