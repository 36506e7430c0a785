# Words shared by several of the trainee's screens.

trainee-back-to-library = Back to library
# Who speaks a line in the conversation.
trainee-speaker = { $name }:
# $tip is the scenario's or the scorer's advice.
trainee-tip = Tip: { $tip }
