# Jugar: la conversación, el panel del cliente, las respuestas y su valoración.
# $mood, $waited, $patience y $penalty son números enteros ya formateados.

play-practice = Práctica
play-practice-hover = Vuelve a cualquier turno y pide pistas; la lentitud no cuesta nada. No cuenta para tu aprobado ni para estar listo para atender.
play-assessment = Evaluación
play-assessment-hover = Cuenta para tu aprobado y para estar listo para atender: no se puede volver atrás ni pedir pistas.
play-abandon = Abandonar el intento
play-abandon-confirm = ¿Abandonar este intento?
play-abandon-explain = No se guardará ni se puntuará.
play-abandon-yes = Sí, abandonar
play-abandon-no = Seguir con el intento

play-choose = Tu respuesta (pulsa 1-4 o haz clic):
play-reply = Tu respuesta (Enter envía, Shift+Enter añade una línea):
play-reply-hint = Escribe lo que de verdad le dirías al cliente
play-send = Enviar respuesta
play-rewind = Volver al turno { $turn }
play-rewind-hover = Práctica: responde de nuevo a este turno. La vuelta atrás queda registrada.
play-hint-heading = Pista

play-feeling = Emoción: { $emotion }
play-mood = Ánimo { $mood } / 100
play-mood-hover = Cómo se siente el cliente ahora mismo: 0 furia, 100 entusiasmo
play-show-wait = Ver el tiempo de espera
play-show-wait-hover = Muestra cuánto tiempo lleva el cliente esperando tu respuesta y lo que cuesta la espera
play-waiting = Esperando { $waited } s (paciencia { $patience } s)
play-wait-cost = La espera está costando ánimo: -{ $penalty }
play-replay = Repetir la frase
play-replay-hover = Vuelve a oír la última frase del cliente (Ctrl+R)
play-hint = Pista
play-hint-hover = Práctica: qué hace aquí una buena respuesta (H en un turno con opciones)

play-you = Tú:
play-trap = Trampa: { $trap }
play-slow-reply = Respuesta lenta: el cliente esperó { $waited } s (ánimo -{ $penalty }).
# El nivel de una dimensión, de 0 a 4.
play-level = { $dimension } { $level }/4
play-choices-instead-of-typing = Las respuestas escritas solo se puntúan en inglés, así que en este turno eliges entre varias respuestas.
