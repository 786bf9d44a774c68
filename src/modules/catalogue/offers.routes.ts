import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import { IdParams, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { Nomination, WithdrawInput } from "./catalogue.schemas.js";
import { OfferAccept, OfferAnswer, SeatOffer, SeatOfferList } from "./offers.schemas.js";
import * as service from "./offers.service.js";

/** Seat offers to the waiting list: the event's offers, one's own, accept, decline; leaving the waiting list. */
export const offersRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["nominations"]);
  route.records("/api/events").read(
    "seat-offers",
    {
      summary: "The seat offers of an event (those of the nominations the viewer may see)",
      response: ok(SeatOfferList),
    },
    service.listEventOffers,
  );
  route.get(
    "/api/seat-offers/mine",
    "The seat offers made to the signed-in participant, open ones first",
    { response: ok(SeatOfferList) },
    (ctx) => service.myOffers(ctx),
  );
  app.post(
    "/api/seat-offers/:id/accept",
    {
      schema: {
        tags: route.tags,
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
  route.records("/api/seat-offers").post(
    "decline",
    {
      summary: "Decline an offered seat: the nomination is withdrawn and the seat offered onward",
      body: OfferAnswer,
      response: ok(SeatOffer),
    },
    service.declineOffer,
  );
  route.records("/api/nominations").post(
    "leave-waitlist",
    {
      summary: "Take one's own nomination off the waiting list (the participant)",
      body: WithdrawInput,
      response: ok(Nomination),
    },
    service.leaveWaitlist,
  );
};
