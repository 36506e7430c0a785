# Palabras que comparten varias pantallas del aprendiz.

trainee-back-to-library = Volver a la biblioteca
# Quién dice una frase de la conversación.
trainee-speaker = { $name }:
# $tip es el consejo del escenario o del evaluador de respuestas.
trainee-tip = Consejo: { $tip }
