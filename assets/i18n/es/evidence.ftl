# Los motivos de la puntuación de una respuesta, uno por línea: lo que sumó puntos (+) y
# lo que los restó (−). $reason es la explicación del evaluador de respuestas.

evidence-plus = + { $reason }
evidence-minus = − { $reason }
