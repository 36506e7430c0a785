# Palabras que comparten todas las pantallas: las dimensiones de la rúbrica, emociones,
# trampas, resultados, dificultades, preparación y la pista de práctica.
# Las emociones son sustantivos, para que sirvan igual a clientes de cualquier género.

dimension-active-listening = Escucha activa
dimension-ownership = Responsabilidad
dimension-exceeding-expectations = Superar expectativas

emotion-furious = furia
emotion-angry = enfado
emotion-frustrated = frustración
emotion-upset = disgusto
emotion-anxious = inquietud
emotion-sceptical = escepticismo
emotion-neutral = calma neutra
emotion-calmer = más calma
emotion-relieved = alivio
emotion-pleased = satisfacción
emotion-delighted = entusiasmo

trap-undercut-apology = Disculpa con «pero»
trap-hides-behind-policy = Escudarse en la política
trap-blame-shift = Echar la culpa
trap-offer-without-apology = Compensar sin disculparse
trap-parroting = Repetir como un loro
trap-tone-policing = Pedir calma
trap-minimising = Minimizar
trap-over-promising = Prometer de más

outcome-lost = Perdido
outcome-recovered = Recuperado
outcome-advocate = Defensor

difficulty-beginner = Inicial
difficulty-intermediate = Intermedio
difficulty-advanced = Avanzado

readiness-ready = Listo para atender
readiness-not-yet = Aún no: { $passed } de { $total } superados
readiness-nothing-required = Ningún escenario obligatorio

hint-listen = Primero escucha: repite con tus palabras lo que pasó y nombra cómo se siente.
hint-own = Asúmelo: una disculpa sincera, sin culpar a nadie, y un próximo paso concreto con hora.
hint-traps = Cuidado: una respuesta aquí cae en una trampa ({ $traps }).
hint-strongest = La mejor respuesta aquí destaca en { $dimension }.
hint-facts = Demuestra que escuchaste: { $facts }.
hint-fix = Una solución que aceptaría: { $fixes }.
hint-avoid = Evita decir: { $phrases }.
hint-exceed = Después, supera sus expectativas: resuélvelo del todo y añade algo que nunca esperaría.

portrait-looks = { $name }, con { $emotion }
