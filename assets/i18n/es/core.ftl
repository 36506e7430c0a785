# Frases que el núcleo escribe en inglés, dichas en el idioma de la interfaz
# (src/ui/core_words.rs): el evaluador de respuestas (src/scoring.rs), la comprobación
# de los PIN (src/access.rs) y el sonido (src/audio.rs).

## Los motivos del evaluador: una frase y, después, las palabras de la respuesta o un número.
# $phrase es uno de los mensajes core-reason-; $words son las palabras del aprendiz, tal
# como las escribió (en inglés: no se traducen).
core-reason-quoted = { $phrase }: «{ $words }»
# $count es un número entero.
core-reason-counted = { $phrase } ({ $count })

core-reason-restated = reformulaste lo que dijo
core-reason-restated-fact = reformulaste un dato
core-reason-named-feeling = nombraste el sentimiento o el impacto
core-reason-checked-understanding = comprobaste que lo entendiste bien
core-reason-open-question = hiciste una pregunta abierta
core-reason-too-many-questions = demasiadas preguntas a la vez
core-reason-generic-acknowledgement = reconocimiento genérico
core-reason-dismissive = le quitaste importancia
core-reason-argued = discutiste con el cliente
core-reason-changed-subject = cambiaste de tema para vender algo
core-reason-repeated-verbatim = repetiste al pie de la letra las palabras del cliente

core-reason-blame-policy = echaste la culpa a la política de la empresa
core-reason-blame-system = echaste la culpa al sistema
core-reason-blame-customer = echaste la culpa al cliente
core-reason-blame-supplier = echaste la culpa a un proveedor
core-reason-blame-department = echaste la culpa a otro departamento
core-reason-blame-colleague = echaste la culpa a un compañero
core-reason-denied-responsibility = negaste la responsabilidad
core-reason-hedged-apology = disculpa a medias
core-reason-apology-undercut = disculpa anulada por un «pero»
core-reason-apologised = te disculpaste
core-reason-excuse = excusa
core-reason-accepted-responsibility = asumiste la responsabilidad
core-reason-hedged-commitment = compromiso a medias
core-reason-committed = te comprometiste a actuar
core-reason-time-or-name = le pusiste hora o nombre
core-reason-over-promised = prometiste de más
core-reason-forbidden-promise = prometiste algo que el personal no puede prometer

core-reason-refused-help = te negaste a ayudar
core-reason-fixed = resolviste el problema
core-reason-vague-help = ayuda poco concreta
core-reason-goodwill-gesture = gesto de buena voluntad
core-reason-tailored-extra = un extra a su medida
core-reason-personal-touch = un detalle personal inesperado
core-reason-prevention = prevención para la próxima vez
core-reason-upsell = venta adicional, no una solución
core-reason-expected-fix = ofreciste la solución que espera
core-reason-made-for-them = ofreciste algo pensado para esa persona

## El consejo para la dimensión más floja. $dimension es el nombre de la dimensión.
core-tip = { $dimension }: { $tip }
# $reason es una línea core-reason-; $fix es uno de los mensajes core-fix-.
core-tip-lost-points = { $dimension }: perdiste puntos — { $reason }. { $fix }
core-tip-top-marks = Nota máxima en las tres: escucha activa, responsabilidad y superar expectativas. Sigue respondiendo así.

core-tip-listening-facts = Antes que nada, devuelve al cliente los datos clave con tus propias palabras.
core-tip-listening-feeling = Cuenta lo que pasó con tus propias palabras y nombra cómo le hizo sentir.
core-tip-listening-check = Comprueba que lo has entendido: haz una sola pregunta abierta, como «¿Lo he entendido bien?».
core-tip-ownership-apology = Pide disculpas sin «pero» y di claramente que el error fue tuyo.
core-tip-ownership-step = Añade un próximo paso concreto que vayas a dar tú: «Yo me encargo de…».
core-tip-ownership-time = Ponle hora o nombre a tu promesa: «Lo llamo personalmente antes de las 17:00».
core-tip-exceeding-gesture = Resuelve el problema del todo y después añade un gesto de buena voluntad.
core-tip-exceeding-tailored = Cambia el vale de siempre por algo pensado para este cliente.
core-tip-exceeding-personal = Añade un detalle personal o un seguimiento: una llamada para ver cómo va, una nota o un cambio para que no vuelva a pasar.

core-fix-blame = Sea de quien sea la culpa dentro de la empresa, para el cliente es tuya: asúmela.
core-fix-hedged-apology = Discúlpate por lo que pasó, no por cómo se siente ni por «cualquier molestia».
core-fix-undercut = Quita el «pero» y la excusa; una disculpa sin más funciona mejor.
core-fix-dismissive = Deja que el cliente sienta lo que siente; reconócelo en vez de corregirlo.
core-fix-repeated = Parafrasea con tus propias palabras en vez de repetir las suyas.
core-fix-refused = Ofrece lo que sí puedes hacer, aunque no sea lo que pidió.
core-fix-upsell = Resuelve su problema antes que nada; nunca intentes vender a un cliente disgustado.
core-fix-questions = Haz una sola pregunta abierta cada vez.
core-fix-promised = Promete solo lo que de verdad está en tu mano cumplir.
core-fix-vague = Cambia «lo intentaré» por un paso concreto con hora.
core-fix-next-level = Apunta al siguiente nivel de la rúbrica.

## La frase de valoración de la respuesta, cuando nada sumó ni restó puntos.
core-feedback-nothing = Nada en esta respuesta escucha, asume el problema ni lo resuelve.

## Los avisos del evaluador. $shown y $total son números enteros.
core-notice-empty = La respuesta está vacía: no hay nada que puntuar.
core-notice-no-words = La respuesta no tiene palabras que puntuar (solo símbolos o emojis).
core-notice-not-english = Esta respuesta no parece estar en inglés, el único idioma que lee el evaluador, así que no se ha puntuado.
core-notice-cut = Solo se han puntuado los primeros { $shown } caracteres de esta respuesta de { $total }.

## PIN rechazados. $seconds, $min y $max son números enteros; $why es el motivo del
## sistema, tal como lo dio; $message es otro de estos rechazos; $role es "manager"
## (responsable) o "trainer" (formador).
core-pin-wrong = Ese PIN no es correcto.
core-pin-wrong-wait = Ese PIN no es correcto. Demasiados intentos fallidos: espera { $seconds } s antes del siguiente.
core-pin-locked = Demasiados intentos fallidos. Espera { $seconds } s y vuelve a intentarlo.
core-pin-unavailable = Ahora no se puede comprobar el PIN: { $why }
core-code-wrong = Ese código de recuperación no es correcto.
core-code-wrong-wait = Ese código de recuperación no es correcto. Demasiados intentos fallidos: espera { $seconds } s antes del siguiente.
core-code-unavailable = Ahora no se puede comprobar el código de recuperación: { $why }
core-pin-current-manager = el PIN actual del responsable: { $message }
core-pin-digits = un PIN tiene de { $min } a { $max } dígitos
core-pin-already-set = el PIN { $role ->
    [manager] del responsable
    [trainer] del formador
   *[other] de { $role }
} ya está establecido; solo el responsable puede cambiarlo

## Sonido. $error es el error del sistema, tal como lo dio.
core-sound-no-device = No hay ningún dispositivo de sonido ({ $error }); Turnaround funcionará sin sonido.
core-sound-not-started = No se pudo iniciar el sonido ({ $error }); Turnaround funcionará sin sonido.
core-sound-clip-failed = No se pudo reproducir un clip de voz: { $error }
