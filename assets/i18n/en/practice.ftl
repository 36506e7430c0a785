# The practice pad: answer any customer line and watch the scores as you type.

practice-title = Practice pad
practice-explain = Pick any customer line, type a reply, and watch the scores change as you write. Nothing is saved.
practice-empty = The library is empty, so there are no customer lines to answer.
practice-scenario = Scenario
practice-line = Customer line
practice-line-of = Line { $line } of { $count }
practice-no-lines = This scenario has no customer lines.
practice-says = { $name } says:
practice-leads-to-typed = This line leads to a typed turn: its hints are used too.
practice-reply = Your reply:
practice-reply-hint = Type a reply to the customer
practice-start-typing = Start typing to see your scores.
# Whole numbers, already formatted.
practice-scores = Scores: listening { $listening }, ownership { $ownership }, exceeding { $exceeding } (overall { $overall })
