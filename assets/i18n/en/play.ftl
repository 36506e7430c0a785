# Play: the conversation, the customer's panel, the replies and their feedback.
# Numbers in $mood, $waited, $patience and $penalty are whole numbers, already formatted.

play-practice = Practice
play-practice-hover = Go back to any turn and ask for hints; slowness costs nothing. It does not count towards your pass or readiness.
play-assessment = Assessment
play-assessment-hover = Counts towards your pass and readiness: no going back, no hints.
play-abandon = Abandon attempt
play-abandon-confirm = Abandon this attempt?
play-abandon-explain = It will not be saved or scored.
play-abandon-yes = Yes, abandon
play-abandon-no = Keep playing

play-choose = Your reply (press 1-4 or click):
play-reply = Your reply (Enter sends, Shift+Enter adds a line):
play-reply-hint = Type what you would really say to the customer
play-send = Send reply
play-rewind = Go back to turn { $turn }
play-rewind-hover = Practice: answer this turn again. The rewind is recorded.
play-hint-heading = Hint

play-feeling = Feeling { $emotion }
play-mood = Mood { $mood } / 100
play-mood-hover = How the customer feels right now: 0 furious, 100 delighted
play-show-wait = Show waiting time
play-show-wait-hover = Show how long the customer has been waiting for your reply, and what the wait costs
play-waiting = Waiting { $waited } s (patience { $patience } s)
play-wait-cost = The wait is costing mood: -{ $penalty }
play-replay = Replay line
play-replay-hover = Hear the customer's last line again (Ctrl+R)
play-hint = Hint
play-hint-hover = Practice: what a strong reply here does (H on a choice turn)

play-you = You:
play-trap = Trap: { $trap }
play-slow-reply = Slow reply: the customer waited { $waited } s (mood -{ $penalty }).
# A dimension's level, 0 to 4.
play-level = { $dimension } { $level }/4
play-choices-instead-of-typing = Typed replies are scored in English only, so this turn offers replies to choose from instead.
