import { ctxOf } from "../../platform/http/request-context.js";
import { IdParams, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { Nomination, WithdrawInput } from "./catalogue.schemas.js";
import { OfferAccept, OfferAnswer, SeatOffer, SeatOfferList } from "./offers.schemas.js";
import * as service from "./offers.service.js";

/** Seat offers to the waiting list: the event's offers, one's own, accept, decline; leaving the waiting list. */
export const offersRoutes: RoutesPlugin = async (app) => {
  const tags = ["nominations"];
  app.get(
    "/api/events/:id/seat-offers",
    {
      schema: {
        tags,
        summary: "The seat offers of an event (those of the nominations the viewer may see)",
        params: IdParams,
        response: ok(SeatOfferList),
      },
    },
    async (request) => service.listEventOffers(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/seat-offers/mine",
    {
      schema: {
        tags,
        summary: "The seat offers made to the signed-in participant, open ones first",
        response: ok(SeatOfferList),
      },
    },
    async (request) => service.myOffers(ctxOf(request)),
  );
  app.post(
    "/api/seat-offers/:id/accept",
    {
      schema: {
        tags,
        summary: "Accept an offered seat (the participant, the nation's coordinator or the organiser)",
        params: IdParams,
        body: OfferAccept,
        response: ok(SeatOffer),
      },
      // The body is optional (an override of a double booking): a request without one accepts as before.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => service.acceptOffer(ctxOf(request), request.params.id, request.body ?? {}),
  );
  app.post(
    "/api/seat-offers/:id/decline",
    {
      schema: {
        tags,
        summary: "Decline an offered seat: the nomination is withdrawn and the seat offered onward",
        params: IdParams,
        body: OfferAnswer,
        response: ok(SeatOffer),
      },
    },
    async (request) => service.declineOffer(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/nominations/:id/leave-waitlist",
    {
      schema: {
        tags,
        summary: "Take one's own nomination off the waiting list (the participant)",
        params: IdParams,
        body: WithdrawInput,
        response: ok(Nomination),
      },
    },
    async (request) => service.leaveWaitlist(ctxOf(request), request.params.id, request.body),
  );
};
